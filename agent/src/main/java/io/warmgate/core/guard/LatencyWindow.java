package io.warmgate.core.guard;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies and 5xx answers of the last few seconds of business requests, in a fixed-size, lock-free ring of
 * time slots, each a latency histogram.
 *
 * <p>Recording is a clock-derived slot number, one volatile read and one or two atomic increments: no lock, no
 * allocation. Each slot's counters are kept in {@value #STRIPES} stripes, chosen by the recording thread's id, so
 * that request threads on different cores rarely increment the same cache line. A slot is reused once its time has passed out of the window; the first thread to find it stale
 * claims it with a compare-and-set, clears it and opens it for the new period. Requests that end while a slot is
 * being cleared are not counted (a few per reuse, at most), and a thread descheduled for a whole window between
 * reading a slot's stamp and counting may count into the wrong period: the window is a sampled measure for
 * judging the instance, not an exact one, and no request pays for exactness.
 */
public final class LatencyWindow {

    /** Per slot and stripe: the histogram's buckets, then the 5xx count. */
    private static final int STRIDE = LatencyBuckets.COUNT + 1;
    private static final int ERRORS = LatencyBuckets.COUNT;
    /** A power of two: enough that two or four busy cores seldom share a stripe, few enough to read quickly. */
    static final int STRIPES = 4;

    private final int slots;
    private final int slotShift;
    /**
     * Per slot: {@code period * 2 + 1} while it counts for that period, {@code period * 2} while it is being
     * cleared for it. Periods are clock readings divided by the slot length.
     */
    private final AtomicLongArray stamps;
    private final AtomicLongArray counts;

    /**
     * Both sizes are powers of two, so that finding a request's slot is two shifts and a mask rather than two long
     * divisions, on every request.
     *
     * @param slots     how many slots the window spans, a power of two (the window is {@code slots << slotShift} ns)
     * @param slotShift a slot lasts {@code 1 << slotShift} nanoseconds
     */
    public LatencyWindow(int slots, int slotShift) {
        if (slots < 2 || Integer.bitCount(slots) != 1 || slotShift < 1 || slotShift > 40) {
            throw new IllegalArgumentException("a window needs a power of two of at least 2 slots, and a slot shift "
                    + "from 1 to 40: " + slots + ", " + slotShift);
        }
        this.slots = slots;
        this.slotShift = slotShift;
        this.stamps = new AtomicLongArray(slots);
        this.counts = new AtomicLongArray(slots * STRIPES * STRIDE);
        for (int slot = 0; slot < slots; slot++) {
            stamps.set(slot, Long.MIN_VALUE); // even and older than any period: "never used"
        }
    }

    /** Counts one request that ended at {@code nowNanos} after {@code elapsedNanos}. */
    public void record(long nowNanos, long elapsedNanos, boolean error) {
        long period = nowNanos >> slotShift; // arithmetic shift: floor, right for negative clock readings too
        int slot = (int) period & (slots - 1);
        long open = period * 2 + 1;
        long stamp = stamps.get(slot);
        if (stamp != open && !claim(slot, stamp, period)) {
            return;
        }
        int stripe = (int) Thread.currentThread().getId() & (STRIPES - 1);
        int base = (slot * STRIPES + stripe) * STRIDE;
        counts.getAndIncrement(base + LatencyBuckets.index(elapsedNanos));
        if (error) {
            counts.getAndIncrement(base + ERRORS);
        }
    }

    /** Opens {@code slot} for {@code period}; false when the request cannot be counted there. */
    private boolean claim(int slot, long stamp, long period) {
        if (stamp >= period * 2) {
            return false; // being cleared for this period, or already on a later one (this reading is late)
        }
        if (!stamps.compareAndSet(slot, stamp, period * 2)) {
            return stamps.get(slot) == period * 2 + 1; // another thread claimed it; count once it is open
        }
        int base = slot * STRIPES * STRIDE;
        for (int i = 0; i < STRIPES * STRIDE; i++) {
            counts.set(base + i, 0L);
        }
        stamps.set(slot, period * 2 + 1);
        return true;
    }

    /** The requests of the slots within the window at {@code nowNanos}, the current (partial) one included. */
    public WindowStats read(long nowNanos) {
        long current = nowNanos >> slotShift;
        long[] histogram = new long[LatencyBuckets.COUNT];
        long count = 0;
        long errors = 0;
        for (int slot = 0; slot < slots; slot++) {
            long stamp = stamps.get(slot);
            long period = stamp >> 1; // arithmetic shift: floor, right for negative periods too
            if ((stamp & 1) == 0 || period > current || period <= current - slots) {
                continue; // never used, being cleared, or out of the window
            }
            for (int stripe = 0; stripe < STRIPES; stripe++) {
                int base = (slot * STRIPES + stripe) * STRIDE;
                for (int bucket = 0; bucket < LatencyBuckets.COUNT; bucket++) {
                    long n = counts.get(base + bucket);
                    histogram[bucket] += n;
                    count += n;
                }
                errors += counts.get(base + ERRORS);
            }
        }
        if (count == 0) {
            return WindowStats.EMPTY;
        }
        return new WindowStats(clampToInt(count), clampToInt(Math.min(errors, count)), p99(histogram, count));
    }

    /** Nearest rank: the bucket holding the ceil(0.99 * count)-th fastest request. */
    private static long p99(long[] histogram, long count) {
        long rank = (count * 99 + 99) / 100;
        long seen = 0;
        for (int bucket = 0; bucket < histogram.length; bucket++) {
            seen += histogram[bucket];
            if (seen >= rank) {
                return LatencyBuckets.representativeNanos(bucket);
            }
        }
        return LatencyBuckets.representativeNanos(histogram.length - 1);
    }

    private static int clampToInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    /** The window's span. */
    public long spanNanos() {
        return (long) slots << slotShift;
    }
}
