package io.warmgate.agent;

import io.warmgate.core.Durations;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Decision;
import io.warmgate.core.GateListener;
import io.warmgate.core.GuardReading;
import io.warmgate.core.LineRateLimit;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.PeerBuckets;

/** Turns gate events into the log lines users see: one per event, never one per request. */
final class GateEventLog implements GateListener {

    /** A guard near its limit can pause and resume every few seconds; one pair of lines per 10 s says enough. */
    static final long PAUSE_LINES_EVERY_NANOS = 10L * Durations.SECOND;

    private final AgentLog log;
    private final boolean afterWarmup;
    private final LineRateLimit pauseLines;
    /** Whether the current pause's line was shown: its resume line is shown with it, or not at all. */
    private volatile boolean pauseShown;

    GateEventLog(AgentLog log) {
        this(log, false);
    }

    /** @param afterWarmup true when a synthetic warm-up holds the ramp: it then starts when the warm-up ends */
    GateEventLog(AgentLog log, boolean afterWarmup) {
        this(log, afterWarmup, MonotonicClock.SYSTEM);
    }

    /** @param clock paces the pause and resume lines */
    GateEventLog(AgentLog log, boolean afterWarmup, MonotonicClock clock) {
        this.log = log;
        this.afterWarmup = afterWarmup;
        this.pauseLines = new LineRateLimit(clock, PAUSE_LINES_EVERY_NANOS);
    }

    @Override
    public void rampStarted(String firstPeer) {
        if (afterWarmup) {
            log.info(firstPeer == null ? "ramp started after the warm-up"
                    : "ramp started after the warm-up (the first health check came from " + firstPeer + ")");
            return;
        }
        log.info(firstPeer == null ? "ramp started"
                : "ramp started at the first health check, from " + firstPeer);
    }

    @Override
    public void peerChanged(String peer, int hash, int bucket, double percent, boolean allowed) {
        log.info("peer " + peer + " hash " + PeerBuckets.absoluteHash(hash) + " bucket " + bucket + " percent "
                + Decision.formatPercent(percent) + (allowed ? " allowed" : " denied"));
    }

    @Override
    public void rampFinished(long elapsedNanos, long pausedNanos, int pauses, int peersSeen,
            int peersAllowedBeforeOpen) {
        // The gate notices the end of the window at the next health check, hence "noticed at".
        String held = pauses == 0 ? "" : ", of which the guard held it " + Durations.format(pausedNanos) + " in "
                + pauses + (pauses == 1 ? " pause" : " pauses");
        log.info("ramp finished: the gate is open to every peer (noticed " + Durations.format(elapsedNanos)
                + " after the ramp started" + held + "); " + peersSeen + " peers seen, " + peersAllowedBeforeOpen
                + " of them allowed before the gate opened");
    }

    @Override
    public void rampPaused(double percent, int pause, GuardReading reading) {
        int heldBack = pauseLines.tryShow();
        pauseShown = heldBack >= 0;
        if (!pauseShown) {
            return;
        }
        log.info("ramp paused at " + Decision.formatPercent(percent) + "% (pause " + pause + "): " + reading.describe()
                + "; no new node is let in until the instance recovers"
                + (heldBack == 0 ? "" : " (" + heldBack + " pause lines held back since the last one)"));
    }

    @Override
    public void rampResumed(double percent, long pausedNanos, GuardReading reading) {
        if (pauseShown) {
            log.info("ramp resumed at " + Decision.formatPercent(percent) + "% after " + Durations.format(pausedNanos)
                    + ": " + reading.describe());
        }
    }

    @Override
    public void holdSpent(double percent, long maxExtendNanos, GuardReading reading) {
        log.warn("the guard held the ramp for its whole bound (guard.max-extend=" + Durations.format(maxExtendNanos)
                + "); the ramp goes on by the clock from " + Decision.formatPercent(percent) + "%, whatever the "
                + "instance's latency (" + reading.describe() + ")");
    }

    @Override
    public void singlePeerOnly(String peer) {
        log.warn("every health check came from one address (" + peer + "), so there was nothing to ramp over and "
                + "warmgate acted as an on/off readiness gate. This happens behind Azure Load Balancer, a sidecar "
                + "proxy that rewrites the source address, or the Kubernetes kubelet when its probes are gated "
                + "(kube-probe=gate; the default kube-probe=pass never gates them); if the real node address is in "
                + "a header, set peer=header:<Name>.");
    }

    @Override
    public void peerLetIn(String peer, int hash, int bucket, int businessRequests) {
        log.info("peer " + peer + " hash " + PeerBuckets.absoluteHash(hash) + " bucket " + bucket + " allowed early: "
                + "it sent " + businessRequests + " business requests while denied, so its load balancer routes "
                + "here anyway (it fails open when no target is healthy); denying its health checks would only "
                + "raise false alarms (fail-open-after=" + businessRequests + ")");
    }
}
