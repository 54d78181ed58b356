package io.warmgate.core.guard;

/** What a {@link LatencyWindow} held at one moment: requests, 5xx answers and the p99. Immutable. */
public final class WindowStats {

    static final WindowStats EMPTY = new WindowStats(0, 0, -1L);

    private final int count;
    private final int errors;
    private final long p99Nanos;

    WindowStats(int count, int errors, long p99Nanos) {
        this.count = count;
        this.errors = errors;
        this.p99Nanos = p99Nanos;
    }

    public int count() {
        return count;
    }

    public int errors() {
        return errors;
    }

    /** The nearest-rank p99 (to the middle of its histogram bucket); -1 without requests. */
    public long p99Nanos() {
        return p99Nanos;
    }

    /** 5xx answers as a fraction of the requests; 0 without requests. */
    public double errorShare() {
        return count == 0 ? 0.0 : (double) errors / count;
    }

    @Override
    public String toString() {
        return "WindowStats[count=" + count + ", errors=" + errors + ", p99Nanos=" + p99Nanos + "]";
    }
}
