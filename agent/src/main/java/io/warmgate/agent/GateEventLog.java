package io.warmgate.agent;

import io.warmgate.config.Durations;
import io.warmgate.core.AgentLog;
import io.warmgate.core.GateListener;
import io.warmgate.core.PeerBuckets;

import java.util.Locale;

/** Turns gate events into the log lines users see: one per event, never one per request. */
final class GateEventLog implements GateListener {

    private final AgentLog log;

    GateEventLog(AgentLog log) {
        this.log = log;
    }

    @Override
    public void rampStarted(String firstPeer) {
        log.info(firstPeer == null ? "ramp started"
                : "ramp started at the first health check, from " + firstPeer);
    }

    @Override
    public void peerChanged(String peer, int hash, int bucket, double percent, boolean allowed) {
        log.info("peer " + peer + " hash " + PeerBuckets.absoluteHash(hash) + " bucket " + bucket + " percent "
                + String.format(Locale.ROOT, "%.1f", percent) + (allowed ? " allowed" : " denied"));
    }

    @Override
    public void rampFinished(long elapsedNanos, int peersSeen, int peersAllowedBeforeOpen) {
        log.info("ramp finished after " + Durations.format(elapsedNanos) + ": " + peersSeen + " peers seen, "
                + peersAllowedBeforeOpen + " of them allowed before the gate opened to all");
    }

    @Override
    public void singlePeerOnly(String peer) {
        log.warn("every health check came from one address (" + peer + "), so there was nothing to ramp over and "
                + "warmgate acted as an on/off readiness gate. This happens behind the kubelet, Azure Load "
                + "Balancer or a sidecar proxy that rewrites the source address; if the real node address is in "
                + "a header, set peer=header:<Name>.");
    }
}
