package io.warmgate.core;

/** The gate's answer to one health check. Immutable. */
public final class Decision {

    /** Bucket reported by decisions that did not look at the peer (the gate was already open). */
    public static final int NO_BUCKET = -1;

    static final Decision OPEN = new Decision(true, Phase.OPEN, 100.0, NO_BUCKET, 0);

    private final boolean allowed;
    private final Phase phase;
    private final double percent;
    private final int bucket;
    private final int hash;

    Decision(boolean allowed, Phase phase, double percent, int bucket, int hash) {
        this.allowed = allowed;
        this.phase = phase;
        this.percent = percent;
        this.bucket = bucket;
        this.hash = hash;
    }

    /** True when the application's own answer goes out unchanged; false means HTTP 503. */
    public boolean allowed() {
        return allowed;
    }

    public Phase phase() {
        return phase;
    }

    /** The ramp's percent when this check was decided (0 while warming, 100 when open). */
    public double percent() {
        return percent;
    }

    /** The peer's bucket 0..99, or {@link #NO_BUCKET} when the gate was open and did not need it. */
    public int bucket() {
        return bucket;
    }

    /** The peer's hash; 0 when {@link #bucket()} is {@link #NO_BUCKET}. */
    public int hash() {
        return hash;
    }

    /** Value of the X-Warmgate response header, e.g. {@code phase=ramping; percent=23.5; bucket=54}. */
    public String headerValue() {
        StringBuilder value = new StringBuilder(48)
                .append("phase=").append(phase.label())
                .append("; percent=").append(formatPercent(percent));
        if (bucket != NO_BUCKET) {
            value.append("; bucket=").append(bucket);
        }
        return value.toString();
    }

    /**
     * One line of plain text, ending in a newline, for the body of a denied check; the empty string when the
     * check was allowed (the application's own body is sent then).
     */
    public String denialBody() {
        if (allowed) {
            return "";
        }
        if (phase == Phase.WARMING) {
            return "warmgate: this instance is warming up; not yet healthy for any load balancer node (bucket "
                    + bucket + ")\n";
        }
        return "warmgate: this instance is ramping up; not yet healthy for this load balancer node (bucket "
                + bucket + ", ramp at " + formatPercent(percent) + "%)\n";
    }

    /**
     * One decimal, rounded down: a denied peer in bucket 54 must never read "ramp at 54.0%" when the ramp is
     * really at 53.96%. Hand-made rather than String.format, which is slow and locale-dependent. Public so that
     * log lines can print percents exactly as the X-Warmgate header does.
     */
    public static String formatPercent(double percent) {
        long tenths = (long) Math.floor(percent * 10.0 + 1e-9);
        return (tenths / 10) + "." + (tenths % 10);
    }

    @Override
    public String toString() {
        return "Decision[" + (allowed ? "allowed" : "denied") + ", " + headerValue() + ", hash=" + hash + "]";
    }
}
