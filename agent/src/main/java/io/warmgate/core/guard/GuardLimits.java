package io.warmgate.core.guard;

import io.warmgate.core.Durations;
import io.warmgate.core.GuardReading;

/**
 * Judges one window of business requests against the guard's limits, and derives those limits from the instance
 * itself unless an absolute {@code guard.p99} is given.
 *
 * <p>The relative latency limit is {@code max(FACTOR x best, best + FLOOR)}, where {@code best} is the lowest
 * window p99 this instance has shown so far (over windows of at least {@code minSamples} requests, the current
 * one included). A cold instance is slow at first and gets faster, so its best window keeps falling towards what
 * it does warm; the current window is held against that. The factor keeps the ordinary spread of a warm p99 from
 * tripping the guard, and the floor keeps a microsecond-fast endpoint from tripping it on scheduling noise. Since
 * the current window counts towards the best, a window can only trip the guard once the instance has shown it can
 * do clearly better: at the very start, with nothing better seen, it never does.
 *
 * <p>The 5xx limit is relative the same way: the lowest 5xx share seen so far plus {@code guard.errors}
 * percentage points, so an application that always answers some requests with 5xx is judged against itself.
 *
 * <p>Called by one thread at a time ({@link RampGuard} serialises judgements), never on the request path.
 */
final class GuardLimits {

    /** A warm p99 varies by well under twice itself from one 4 s window to the next. */
    static final double FACTOR = 2.0;
    /** Below a few milliseconds, a p99 measures the scheduler and the collector more than the application. */
    static final long FLOOR_NANOS = 5L * Durations.MILLISECOND;

    private final long absoluteP99Nanos;
    private final double errorPoints;
    private final int minSamples;
    private long bestP99Nanos = -1L;
    private double lowestErrorShare = -1.0;

    /**
     * @param absoluteP99Nanos {@code guard.p99}, or 0 for the relative limit
     * @param errorPoints      {@code guard.errors} as a fraction (0.05 for 5 points)
     * @param minSamples       fewer requests in a window are not judged
     */
    GuardLimits(long absoluteP99Nanos, double errorPoints, int minSamples) {
        this.absoluteP99Nanos = absoluteP99Nanos;
        this.errorPoints = errorPoints;
        this.minSamples = minSamples;
    }

    GuardReading judge(WindowStats window) {
        if (window.count() < minSamples) {
            return new GuardReading(false, window.count(), window.errors(), -1L, -1L, -1L, 0.0, 1.0);
        }
        long p99 = window.p99Nanos();
        double errorShare = window.errorShare();
        if (bestP99Nanos < 0 || p99 < bestP99Nanos) {
            bestP99Nanos = p99;
        }
        if (lowestErrorShare < 0 || errorShare < lowestErrorShare) {
            lowestErrorShare = errorShare;
        }
        long limit = absoluteP99Nanos > 0 ? absoluteP99Nanos : relativeLimit(bestP99Nanos);
        double errorLimit = Math.min(1.0, lowestErrorShare + errorPoints);
        boolean holding = p99 > limit || errorShare > errorLimit;
        return new GuardReading(holding, window.count(), window.errors(), p99, limit,
                absoluteP99Nanos > 0 ? -1L : bestP99Nanos, errorShare, errorLimit);
    }

    static long relativeLimit(long bestNanos) {
        return Math.max((long) (FACTOR * bestNanos), bestNanos + FLOOR_NANOS);
    }
}
