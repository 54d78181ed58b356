package io.warmgate.bench.rollout;

/**
 * What one second of the run looked like, by intended send time.
 *
 * @param second          seconds since the load started
 * @param answered        requests answered with 2xx
 * @param errors          requests answered otherwise, timed out or failed
 * @param fromNewInstance 2xx answers that came from the instance that joined mid-run
 * @param p50Micros       median latency of all requests of this second
 * @param p99Micros       99th percentile
 * @param maxMicros       maximum
 */
public record SecondStats(int second, long answered, long errors, long fromNewInstance, long p50Micros,
                          long p99Micros, long maxMicros) {

    public long requests() {
        return answered + errors;
    }

    /** The new instance's share of the answered requests, 0..1. */
    public double newInstanceShare() {
        return answered == 0 ? 0.0 : (double) fromNewInstance / answered;
    }
}
