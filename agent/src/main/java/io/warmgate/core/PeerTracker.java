package io.warmgate.core;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers, per peer, whether it has been allowed, so that state changes are reported once and an allowed
 * peer stays allowed. Bounded: the peer address can come from a forwarding header that anyone may forge, and a
 * flood of made-up addresses must not grow memory. Peers beyond the cap are still decided by the caller,
 * just not remembered or reported.
 */
final class PeerTracker {

    private static final class PeerRecord {
        private final AtomicInteger allowed;
        /** Business requests seen from this peer while it was denied (fail-open detection). */
        private final AtomicInteger businessWhileDenied = new AtomicInteger();

        PeerRecord(boolean allowed) {
            this.allowed = new AtomicInteger(allowed ? 1 : 0);
        }

        boolean isAllowed() {
            return allowed.get() == 1;
        }

        /** True for exactly one caller: the one that turned this peer from denied to allowed. */
        boolean markAllowed() {
            return allowed.compareAndSet(0, 1);
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<String, PeerRecord> records = new ConcurrentHashMap<String, PeerRecord>();
    /** Slots taken in {@link #records}; reserved before inserting so the cap holds under concurrency. */
    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger allowedCount = new AtomicInteger();
    private volatile boolean overflowed;

    PeerTracker(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records one decision and returns the final answer: a peer that was allowed before stays allowed even if
     * this check, racing with another thread, computed a slightly older (smaller) percent.
     */
    boolean record(String peer, int hash, int bucket, double percent, boolean allowedNow, GateListener listener) {
        PeerRecord record = records.get(peer);
        if (record == null) {
            if (!reserveSlot()) {
                return allowedNow; // over the cap: decided, but neither remembered nor reported
            }
            record = records.putIfAbsent(peer, new PeerRecord(allowedNow));
            if (record == null) {
                if (allowedNow) {
                    allowedCount.incrementAndGet();
                }
                Listeners.peerChanged(listener, peer, hash, bucket, percent, allowedNow);
                return allowedNow;
            }
            slots.decrementAndGet(); // another thread inserted this peer first; use its record
        }
        if (record.isAllowed()) {
            return true;
        }
        if (allowedNow && record.markAllowed()) {
            allowedCount.incrementAndGet();
            Listeners.peerChanged(listener, peer, hash, bucket, percent, true);
        }
        return allowedNow;
    }

    private boolean reserveSlot() {
        if (slots.incrementAndGet() > capacity) {
            slots.decrementAndGet();
            overflowed = true;
            return false;
        }
        return true;
    }

    /**
     * Counts one business request from a denied peer and lets the peer in at the {@code threshold}-th.
     *
     * @return the count that let the peer in, for exactly one caller; -1 for every other call (the peer is
     *         unknown, already allowed, or still below the threshold)
     */
    int letInAfterBusiness(String peer, int threshold) {
        PeerRecord record = records.get(peer);
        if (record == null || record.isAllowed()) {
            return -1;
        }
        int count = record.businessWhileDenied.incrementAndGet();
        if (count >= threshold && record.markAllowed()) {
            allowedCount.incrementAndGet();
            return count;
        }
        return -1;
    }

    /** Tracked peers that are denied now. Two atomic reads: cheap enough for every business request. */
    int denied() {
        return slots.get() - allowedCount.get();
    }

    int seen() {
        return records.size();
    }

    int allowed() {
        return allowedCount.get();
    }

    /** True when some peer was not tracked because the cap was reached. */
    boolean overflowed() {
        return overflowed;
    }

    /** The one peer seen so far, or null when there were none or several (including untracked ones). */
    String onlyPeer() {
        if (overflowed || records.size() != 1) {
            return null;
        }
        Iterator<String> peers = records.keySet().iterator();
        return peers.hasNext() ? peers.next() : null;
    }
}
