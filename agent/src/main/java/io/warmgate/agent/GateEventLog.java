package io.warmgate.agent;

import io.warmgate.config.Durations;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Decision;
import io.warmgate.core.GateListener;
import io.warmgate.core.PeerBuckets;


/** Turns gate events into the log lines users see: one per event, never one per request. */
final class GateEventLog implements GateListener {

    private final AgentLog log;
    private final boolean afterWarmup;

    GateEventLog(AgentLog log) {
        this(log, false);
    }

    /** @param afterWarmup true when a synthetic warm-up holds the ramp: it then starts when the warm-up ends */
    GateEventLog(AgentLog log, boolean afterWarmup) {
        this.log = log;
        this.afterWarmup = afterWarmup;
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
    public void rampFinished(long elapsedNanos, int peersSeen, int peersAllowedBeforeOpen) {
        // The gate notices the end of the window at the next health check, hence "noticed at".
        log.info("ramp finished: the gate is open to every peer (noticed " + Durations.format(elapsedNanos)
                + " after the ramp started); " + peersSeen + " peers seen, " + peersAllowedBeforeOpen
                + " of them allowed before the gate opened");
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
