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

    static void rampFinished(GateListener listener, long elapsedNanos, int peersSeen, int peersAllowedBeforeOpen) {
        try {
            listener.rampFinished(elapsedNanos, peersSeen, peersAllowedBeforeOpen);
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
