package io.warmgate.core;

import java.util.ArrayList;
import java.util.List;

/** Records gate events as readable strings, in order. */
final class RecordingListener implements GateListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void rampStarted(String firstPeer) {
        events.add("started " + firstPeer);
    }

    @Override
    public synchronized void peerChanged(String peer, int hash, int bucket, double percent, boolean allowed) {
        events.add("peer " + peer + " bucket " + bucket + (allowed ? " allowed" : " denied"));
    }

    @Override
    public synchronized void rampFinished(long elapsedNanos, long pausedNanos, int pauses, int peersSeen,
            int peersAllowedBeforeOpen) {
        events.add("finished seen " + peersSeen + " allowed " + peersAllowedBeforeOpen
                + (pauses == 0 ? "" : " paused " + Durations.format(pausedNanos) + " in " + pauses));
    }

    @Override
    public synchronized void rampPaused(double percent, int pause, GuardReading reading) {
        events.add("paused " + pause + " at " + Decision.formatPercent(percent));
    }

    @Override
    public synchronized void rampResumed(double percent, long pausedNanos, GuardReading reading) {
        events.add("resumed at " + Decision.formatPercent(percent) + " after " + Durations.format(pausedNanos));
    }

    @Override
    public synchronized void holdSpent(double percent, long maxExtendNanos, GuardReading reading) {
        events.add("spent at " + Decision.formatPercent(percent) + " after " + Durations.format(maxExtendNanos));
    }

    @Override
    public synchronized void singlePeerOnly(String peer) {
        events.add("single " + peer);
    }

    @Override
    public synchronized void firstCheckWhileHeld(String firstPeer) {
        events.add("held " + firstPeer);
    }

    @Override
    public synchronized void peerLetIn(String peer, int hash, int bucket, int businessRequests) {
        events.add("let in " + peer + " after " + businessRequests);
    }

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    synchronized long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
