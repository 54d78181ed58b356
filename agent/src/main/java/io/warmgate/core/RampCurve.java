package io.warmgate.core;

/**
 * The share of load-balancer nodes told "healthy" as a function of time since the ramp started:
 * {@code percent(t) = 100 * (t / duration)^(1 / aggression)}, never below {@code minPercent}, and 100 from
 * {@code t >= duration} on. Aggression 1 is linear (the original behaviour); above 1 the curve rises steeply
 * at first and flattens later, so more traffic arrives early.
 */
public final class RampCurve {

    private final long durationNanos;
    private final double aggression;
    private final double minPercent;
    private final double exponent;

    public RampCurve(long durationNanos, double aggression, double minPercent) {
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("ramp duration must be positive: " + durationNanos + "ns");
        }
        if (!(aggression > 0) || Double.isInfinite(aggression)) {
            throw new IllegalArgumentException("aggression must be a positive number: " + aggression);
        }
        if (!(minPercent >= 0 && minPercent <= 100)) {
            throw new IllegalArgumentException("min-percent must be within 0..100: " + minPercent);
        }
        this.durationNanos = durationNanos;
        this.aggression = aggression;
        this.minPercent = minPercent;
        this.exponent = 1.0 / aggression;
    }

    /** Percent of buckets allowed {@code elapsedNanos} after the ramp started (negative time counts as 0). */
    public double percentAt(long elapsedNanos) {
        if (elapsedNanos >= durationNanos) {
            return 100.0;
        }
        double fraction = elapsedNanos <= 0 ? 0.0 : (double) elapsedNanos / durationNanos;
        double percent = 100.0 * Math.pow(fraction, exponent);
        return Math.min(100.0, Math.max(minPercent, percent));
    }

    /**
     * The earliest elapsed time at which {@code bucket <= percentAt(t)}: 0 when the floor already covers the
     * bucket, {@link #durationNanos()} at the latest.
     *
     * <p>Found by binary search over {@link #percentAt} itself rather than by inverting the formula, so the
     * answer agrees with the gate's decisions to the nanosecond despite floating-point rounding. percentAt is
     * non-decreasing in t (Math.pow is semi-monotonic), which is all the search needs.
     */
    public long nanosUntilAllowed(int bucket) {
        if (bucket <= percentAt(0)) {
            return 0;
        }
        long notYet = 0;                 // percentAt(notYet) < bucket
        long allowed = durationNanos;    // percentAt(allowed) >= bucket, since it is 100
        while (allowed - notYet > 1) {
            long middle = notYet + (allowed - notYet) / 2;
            if (bucket <= percentAt(middle)) {
                allowed = middle;
            } else {
                notYet = middle;
            }
        }
        return allowed;
    }

    public long durationNanos() {
        return durationNanos;
    }

    public double aggression() {
        return aggression;
    }

    public double minPercent() {
        return minPercent;
    }

    @Override
    public String toString() {
        return "RampCurve[durationNanos=" + durationNanos + ", aggression=" + aggression + ", minPercent="
                + minPercent + "]";
    }
}
