package io.warmgate.core;

/**
 * Calls a {@link GateListener} so that nothing it throws reaches the health check that triggered the event:
 * a bug in logging must never turn into a failed health endpoint.
 */
final class Listeners {

    private Listeners() {
    }

    static void rampStarted(GateListener listener, String firstPeer) {
        try {
            listener.rampStarted(firstPeer);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void peerChanged(GateListener listener, String peer, int hash, int bucket, double percent,
            boolean allowed) {
        try {
            listener.peerChanged(peer, hash, bucket, percent, allowed);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void rampFinished(GateListener listener, long elapsedNanos, long pausedNanos, int pauses, int peersSeen,
            int peersAllowedBeforeOpen) {
        try {
            listener.rampFinished(elapsedNanos, pausedNanos, pauses, peersSeen, peersAllowedBeforeOpen);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void rampPaused(GateListener listener, double percent, int pause, GuardReading reading) {
        try {
            listener.rampPaused(percent, pause, reading);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void rampResumed(GateListener listener, double percent, long pausedNanos, GuardReading reading) {
        try {
            listener.rampResumed(percent, pausedNanos, reading);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void holdSpent(GateListener listener, double percent, long maxExtendNanos, GuardReading reading) {
        try {
            listener.holdSpent(percent, maxExtendNanos, reading);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void singlePeerOnly(GateListener listener, String peer) {
        try {
            listener.singlePeerOnly(peer);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void firstCheckWhileHeld(GateListener listener, String firstPeer) {
        try {
            listener.firstCheckWhileHeld(firstPeer);
        } catch (Throwable ignored) {
            // see class comment
        }
    }

    static void peerLetIn(GateListener listener, String peer, int hash, int bucket, int businessRequests) {
        try {
            listener.peerLetIn(peer, hash, bucket, businessRequests);
        } catch (Throwable ignored) {
            // see class comment
        }
    }
}
