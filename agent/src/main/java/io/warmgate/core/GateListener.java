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

    /** The ramp is over; reported once, by the first health check that finds it over. */
    default void rampFinished(long elapsedNanos, int peersSeen, int peersAllowedBeforeOpen) {
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
