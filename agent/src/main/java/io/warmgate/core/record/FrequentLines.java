package io.warmgate.core.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most frequent lines of a stream, in fixed memory, without locks: a count-min sketch estimates every line's
 * frequency, and a small open-addressed table keeps the lines worth keeping with their counts. A line takes a
 * table slot from the least counted line of its probe window only when the sketch says it was seen more often,
 * so a flood of lines seen once each cannot push out the lines that matter (the admission idea of TinyLFU), and
 * takes over that line's count plus one (as in Space-Saving), so a noisy estimate never ranks it high; and
 * the memory is the same whatever arrives. Every {@code 8 × width} additions (on average) all counts are halved,
 * so the sketch's noise stays bounded and the table follows the traffic of the recent past rather than all time.
 *
 * <p>Concurrent adds may lose an increment or, rarely, keep one line in two slots; {@link #top} merges such
 * twins. Both are far below what matters for choosing warm-up requests.
 */
final class FrequentLines {

    /** Slots looked at for one line: a line lives in one of the 8 slots after its hash. */
    private static final int PROBES = 8;
    private static final int ROWS = 4;

    private final int slotMask;
    private final AtomicReferenceArray<String> lines;
    private final AtomicLongArray counts;
    private final int widthMask;
    private final AtomicLongArray sketch;
    /** Additions between halvings, on average: a power of two, drawn at random so no shared counter is needed. */
    private final int agingMask;
    private final AtomicBoolean aging = new AtomicBoolean();

    /** @param kept how many lines {@link #top} must be able to give; the table holds twice as many */
    FrequentLines(int kept) {
        this(kept, true);
    }

    /** @param aged false for counts that are never halved (tests of exact counting) */
    FrequentLines(int kept, boolean aged) {
        int slots = powerOfTwoAtLeast(Math.max(2 * kept, 2 * PROBES));
        this.slotMask = slots - 1;
        this.lines = new AtomicReferenceArray<String>(slots);
        this.counts = new AtomicLongArray(slots);
        int width = 4 * slots;
        this.widthMask = width - 1;
        this.sketch = new AtomicLongArray(ROWS * width);
        // A sketch cell then collects about 8 additions of noise per row between two halvings: far below the
        // counts of the lines worth keeping.
        this.agingMask = aged ? 8 * width - 1 : -1;
    }

    private static int powerOfTwoAtLeast(int n) {
        int power = Integer.highestOneBit(n);
        return power == n ? n : power << 1;
    }

    /** Counts one occurrence of {@code line}. Lock-free; allocates nothing. */
    void add(String line) {
        if (agingMask >= 0 && (ThreadLocalRandom.current().nextInt() & agingMask) == 0) {
            age();
        }
        int hash = line.hashCode();
        long estimate = countInSketch(hash);
        int start = mix(hash) & slotMask;
        int victim = -1;
        long victimCount = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & slotMask;
            String current = lines.get(slot);
            if (current == null) {
                if (lines.compareAndSet(slot, null, line)) {
                    counts.incrementAndGet(slot); // slots are never emptied, so this one's count was 0
                    return;
                }
                current = lines.get(slot);
            }
            if (current.equals(line)) {
                counts.incrementAndGet(slot);
                return;
            }
            long count = counts.get(slot);
            if (count < victimCount) {
                victim = slot;
                victimCount = count;
            }
        }
        if (estimate > victimCount) {
            String replaced = lines.get(victim);
            if (replaced != null && lines.compareAndSet(victim, replaced, line)) {
                // The victim's count plus one, as in Space-Saving: the newcomer cannot outrank any line that
                // was counted more than the least counted one, however noisy its estimate.
                counts.set(victim, victimCount + 1);
            }
        }
    }

    /** Adds one to the line's counter in each row and returns the smallest: the estimate of its frequency. */
    private long countInSketch(int hash) {
        int h1 = mix(hash);
        int h2 = mix(h1 ^ 0x5bd1e995) | 1;
        long estimate = Long.MAX_VALUE;
        for (int row = 0; row < ROWS; row++) {
            int index = row * (widthMask + 1) + ((h1 + row * h2) & widthMask);
            estimate = Math.min(estimate, sketch.incrementAndGet(index));
        }
        return estimate;
    }

    /** Spreads a String hash, whose low bits alone are poor for similar paths. */
    private static int mix(int hash) {
        int h = hash * 0x9e3779b9;
        return h ^ (h >>> 16);
    }

    /**
     * Halves every count, by one thread at a time. Increments that race with it may be lost: a few among
     * thousands.
     */
    void age() {
        if (!aging.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < sketch.length(); i++) {
                sketch.set(i, sketch.get(i) >> 1);
            }
            for (int slot = 0; slot <= slotMask; slot++) {
                counts.set(slot, counts.get(slot) >> 1);
            }
        } finally {
            aging.set(false);
        }
    }

    /** All additions counted now, aged like every count: what the counts of {@link #top} are a share of. */
    long total() {
        long total = 0;
        for (int i = 0; i <= widthMask; i++) {
            total += sketch.get(i);
        }
        return total;
    }

    /** Lines in the table now. */
    int distinct() {
        int distinct = 0;
        for (int slot = 0; slot <= slotMask; slot++) {
            if (lines.get(slot) != null) {
                distinct++;
            }
        }
        return distinct;
    }

    /** The {@code n} most counted lines, most counted first (ties in line order, so the output is stable). */
    List<Counted> top(int n) {
        Map<String, Long> merged = new HashMap<String, Long>();
        for (int slot = 0; slot <= slotMask; slot++) {
            String line = lines.get(slot);
            long count = counts.get(slot);
            if (line != null && count > 0) {
                Long twin = merged.get(line);
                merged.put(line, twin == null ? count : twin + count);
            }
        }
        List<Counted> all = new ArrayList<Counted>(merged.size());
        for (Map.Entry<String, Long> entry : merged.entrySet()) {
            all.add(new Counted(entry.getKey(), entry.getValue()));
        }
        Collections.sort(all, new Comparator<Counted>() {
            @Override
            public int compare(Counted a, Counted b) {
                return a.count != b.count ? (a.count > b.count ? -1 : 1) : a.line.compareTo(b.line);
            }
        });
        return all.size() <= n ? all : new ArrayList<Counted>(all.subList(0, n));
    }

    /** A line and how often the table counted it. */
    static final class Counted {
        final String line;
        final long count;

        Counted(String line, long count) {
            this.line = line;
            this.count = count;
        }

        @Override
        public String toString() {
            return line + " x" + count;
        }
    }
}
