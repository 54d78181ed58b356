package io.warmgate.bench.rollout;

import org.HdrHistogram.Histogram;

/**
 * The summary-table figures of one scenario, in milliseconds.
 *
 * @param steadyP50Ms         median before the launch (after the settle time)
 * @param steadyP99Ms         99th percentile before the launch: the reference the target is measured against
 * @param joinP50Ms           median in the join window (the window after the new instance's first request)
 * @param joinP99Ms           99th percentile in the join window
 * @param joinMaxMs           maximum in the join window
 * @param tailP99Ms           99th percentile in the tail after the join window, all three instances warm: on one
 *                            shared machine the third JVM costs CPU, so this, not the steady p99, is the level
 *                            the join window can at best return to
 * @param requests            requests of the whole run
 * @param errors              errors of the whole run (non-2xx, timeouts, failed connections, not sent)
 * @param joinErrors          errors in the join window
 * @param firstTrafficAfterS  seconds from the launch to the new instance's first request (-1: never)
 * @param finalShare          the new instance's share of the traffic in the last seconds of the run
 */
public record Summary(double steadyP50Ms, double steadyP99Ms, double joinP50Ms, double joinP99Ms, double joinMaxMs,
                      double tailP99Ms, long requests, long errors, long joinErrors, int firstTrafficAfterS, double finalShare) {

    /** Join-window p99 over steady p99: the target is at most 1.5. */
    public double joinToSteadyP99() {
        return steadyP99Ms == 0 ? Double.NaN : joinP99Ms / steadyP99Ms;
    }

    /** Join-window p99 over the p99 after the window, when all three instances are warm. */
    public double joinToTailP99() {
        return tailP99Ms == 0 ? Double.NaN : joinP99Ms / tailP99Ms;
    }

    static double p(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static double max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getMaxValue() / 1000.0;
    }
}
