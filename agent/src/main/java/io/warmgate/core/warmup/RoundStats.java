package io.warmgate.core.warmup;

import java.util.Arrays;

/** What one round of the warm-up measured: requests sent, errors, and the latencies of the answered ones. Immutable. */
final class RoundStats {

    private final int round;
    private final int sent;
    private final int errors;
    private final long[] sortedLatencyNanos;
    private final boolean complete;

    /**
     * @param latencyNanos one entry per request that got an HTTP answer (any status); failed requests have none
     * @param complete     false when the round was cut short by the timeout
     */
    RoundStats(int round, int sent, int errors, long[] latencyNanos, boolean complete) {
        this.round = round;
        this.sent = sent;
        this.errors = errors;
        this.sortedLatencyNanos = latencyNanos.clone();
        Arrays.sort(this.sortedLatencyNanos);
        this.complete = complete;
    }

    /** 1 for the first round. */
    int round() {
        return round;
    }

    int sent() {
        return sent;
    }

    int errors() {
        return errors;
    }

    /** Requests that got an HTTP answer, whatever its status. */
    int answered() {
        return sortedLatencyNanos.length;
    }

    boolean complete() {
        return complete;
    }

    long p50Nanos() {
        return percentileNanos(50);
    }

    long p99Nanos() {
        return percentileNanos(99);
    }

    /**
     * The nearest-rank percentile: the smallest latency that at least {@code percent}% of the answered requests
     * did not exceed. Always a latency that was really measured, never an interpolation. -1 with no answers.
     */
    long percentileNanos(int percent) {
        int count = sortedLatencyNanos.length;
        if (count == 0) {
            return -1L;
        }
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sortedLatencyNanos[Math.min(count, Math.max(1, rank)) - 1];
    }
}
