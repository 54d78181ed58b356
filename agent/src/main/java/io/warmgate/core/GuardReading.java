package io.warmgate.core;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One judgement of the instance's recent business requests, for the ramp ({@link RampHold}), the log and the
 * MBean. Immutable. Latencies are in nanoseconds, -1 when unknown; shares are fractions from 0 to 1.
 */
public final class GuardReading {

    /** Nothing judged yet (too few requests, or no guard): never holds. */
    public static final GuardReading NO_DATA = new GuardReading(false, 0, 0, -1L, -1L, -1L, 0.0, 1.0);

    private final boolean holding;
    private final int samples;
    private final int errors;
    private final long p99Nanos;
    private final long limitNanos;
    /** The instance's own reference the limit derives from; -1 when the limit is absolute ({@code guard.p99}). */
    private final long baselineNanos;
    private final double errorShare;
    private final double errorLimit;

    public GuardReading(boolean holding, int samples, int errors, long p99Nanos, long limitNanos, long baselineNanos,
            double errorShare, double errorLimit) {
        this.holding = holding;
        this.samples = samples;
        this.errors = errors;
        this.p99Nanos = p99Nanos;
        this.limitNanos = limitNanos;
        this.baselineNanos = baselineNanos;
        this.errorShare = errorShare;
        this.errorLimit = errorLimit;
    }

    /** True when the ramp should stand still: p99 above its limit, or the 5xx share above its limit. */
    public boolean holding() {
        return holding;
    }

    /** Business requests in the window judged. */
    public int samples() {
        return samples;
    }

    public int errors() {
        return errors;
    }

    public long p99Nanos() {
        return p99Nanos;
    }

    public long limitNanos() {
        return limitNanos;
    }

    public long baselineNanos() {
        return baselineNanos;
    }

    public double errorShare() {
        return errorShare;
    }

    public double errorLimit() {
        return errorLimit;
    }

    /**
     * For log lines, e.g. {@code business p99 48.2ms (guard 11ms: 2 x best p99 3.1ms, or it + 5ms), 5xx 0.0% (guard
     * 5.0%) of 412 requests}.
     */
    public String describe() {
        if (p99Nanos < 0) {
            return "too few business requests to judge";
        }
        StringBuilder line = new StringBuilder(120).append("business p99 ").append(latency(p99Nanos))
                .append(" (guard ").append(latency(limitNanos));
        if (baselineNanos >= 0) {
            line.append(" from the best p99 ").append(latency(baselineNanos));
        }
        return line.append("), 5xx ").append(percent(errorShare)).append(" (guard ").append(percent(errorLimit))
                .append(") of ").append(samples).append(" requests").toString();
    }

    /** Three significant digits: the histogram behind the figures is only accurate to about 12%. */
    static String latency(long nanos) {
        long rounded = new BigDecimal(nanos).round(new MathContext(3)).longValue();
        return Durations.format(rounded);
    }

    private static String percent(double share) {
        return Decision.formatPercent(100.0 * share) + "%";
    }

    @Override
    public String toString() {
        return "GuardReading[holding=" + holding + ", " + describe() + "]";
    }
}
