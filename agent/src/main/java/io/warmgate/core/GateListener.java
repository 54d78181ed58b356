package io.warmgate.core;

/**
 * Receives the gate's state changes, for logging and monitoring. Called on the thread that handles the health
 * check, so implementations must be quick and must not throw; the gate ignores anything they throw. Events
 * are rare (a few per peer over the whole ramp), never one per request.
 */
public interface GateListener {

    /** A listener that ignores everything. */
    GateListener NONE = new GateListener() {
    };

    /** The ramp began: at the first health check (from {@code firstPeer}), or at once ({@code firstPeer} null). */
    default void rampStarted(String firstPeer) {
    }

    /**
     * A peer was seen for the first time (allowed or denied), or went from denied to allowed.
     * Peers beyond the tracking cap of {@link RampGate} are decided but not reported.
     */
    default void peerChanged(String peer, int hash, int bucket, double percent, boolean allowed) {
    }

    /**
     * The ramp is over; reported once, by the first health check that finds it over.
     *
     * @param elapsedNanos clock time since the ramp started
     * @param pausedNanos  of which the ramp stood still (the guard held it); 0 without pauses
     * @param pauses       how many times it was paused
     */
    default void rampFinished(long elapsedNanos, long pausedNanos, int pauses, int peersSeen,
            int peersAllowedBeforeOpen) {
    }

    /**
     * The guard paused the ramp at {@code percent}: the instance's business requests are slower, or fail more,
     * than its limits ({@code reading} says which). Reported at every pause; loggers rate-limit.
     *
     * @param pause 1 for the first pause of the ramp
     */
    default void rampPaused(double percent, int pause, GuardReading reading) {
    }

    /** The guard let the ramp go on, after it stood still for {@code pausedNanos}. */
    default void rampResumed(double percent, long pausedNanos, GuardReading reading) {
    }

    /**
     * The ramp stood still for the guard's whole bound ({@code guard.max-extend}); it goes on by the clock from
     * now, whatever the instance does. Reported once.
     */
    default void holdSpent(double percent, long maxExtendNanos, GuardReading reading) {
    }

    /** At the end of the ramp: every health check came from this one address, so there was nothing to ramp over. */
    default void singlePeerOnly(String peer) {
    }

    /**
     * The first health check arrived while the gate holds for the synthetic warm-up
     * ({@link RampGate#holdForWarmup()}); the warm-up can start now. Reported once.
     */
    default void firstCheckWhileHeld(String firstPeer) {
    }

    /**
     * A denied peer was let in because it kept sending business requests: its load balancer routes here even
     * though this instance answers it "unhealthy" (it fails open). Reported once per peer.
     */
    default void peerLetIn(String peer, int hash, int bucket, int businessRequests) {
    }
}
