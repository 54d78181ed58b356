package io.warmgate.core.guard;

/**
 * Latency histogram buckets: four per power of two (at most 25% wide), from about one microsecond to days, so a
 * bucket is found with a shift and a leading-zero count, with no division and no table. Exact below 4 units.
 */
final class LatencyBuckets {

    /** Latencies are counted in units of 1024 ns (about a microsecond): a shift instead of a division. */
    private static final int UNIT_SHIFT = 10;
    /** Powers of two covered: 2^41 units is about 26 days; anything longer lands in the last bucket. */
    private static final int MAX_EXPONENT = 40;
    static final int COUNT = 4 * MAX_EXPONENT;

    private LatencyBuckets() {
    }

    /** The bucket of a latency; negative latencies (a clock that went back) count as 0. */
    static int index(long nanos) {
        long units = nanos <= 0 ? 0 : nanos >>> UNIT_SHIFT;
        if (units < 4) {
            return (int) units;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(units);
        if (exponent > MAX_EXPONENT) {
            return COUNT - 1;
        }
        int sub = (int) (units >>> (exponent - 2)) & 3;
        return Math.min(COUNT - 1, 4 * (exponent - 1) + sub);
    }

    /** The smallest latency in the bucket, in nanoseconds. */
    static long lowerNanos(int index) {
        if (index < 4) {
            return (long) index << UNIT_SHIFT;
        }
        int exponent = index / 4 + 1;
        long units = (long) (4 + index % 4) << (exponent - 2);
        return units << UNIT_SHIFT;
    }

    /** The latency a bucket stands for: its middle, so the error is at most half its width either way. */
    static long representativeNanos(int index) {
        long lower = lowerNanos(index);
        long next = index + 1 < COUNT ? lowerNanos(index + 1) : lower * 5 / 4;
        return lower + (next - lower) / 2;
    }
}
