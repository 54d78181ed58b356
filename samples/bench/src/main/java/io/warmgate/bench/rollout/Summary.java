package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one scenario run, latencies in milliseconds.
 *
 * @param steadyP50Ms        median before the event (after the settle time)
 * @param steadyP99Ms        99th percentile before the event; shown, but not the reference: on a shared machine
 *                           it moves with whatever else runs (see {@link #afterP99Ms})
 * @param windowP50Ms        median in the window after the event
 * @param windowP99Ms        99th percentile in the window after the event
 * @param windowMaxMs        maximum in the window
 * @param afterP99Ms         99th percentile after the window, every instance warm: THE REFERENCE. It is measured
 *                           with the same instances, JVMs and HAProxy as the window, so the machine's own noise
 *                           and the cost of the extra JVM move both alike
 * @param requests           requests of the whole run
 * @param errors             errors of the whole run
 * @param windowErrors       errors in the window, by kind
 * @param firstTrafficAfterS seconds from the event to the tracked instance's first request (-1: never, or not a join)
 * @param finalShare         the tracked instance's share of the traffic after the window
 * @param secondsWithoutHealthyServer seconds after the event in which some node had no healthy server
 * @param exitSeconds        seconds from SIGTERM to the process's exit (NaN when nothing was stopped)
 */
public record Summary(double steadyP50Ms, double steadyP99Ms, double windowP50Ms, double windowP99Ms,
                      double windowMaxMs, double afterP99Ms, long requests, long errors, ErrorCounts windowErrors,
                      int firstTrafficAfterS, double finalShare, int secondsWithoutHealthyServer,
                      double exitSeconds) {

    /** Window p99 over the p99 after the window: how much the event hurt, against the same run's own level. */
    public double windowToAfterP99() {
        return afterP99Ms == 0 ? Double.NaN : windowP99Ms / afterP99Ms;
    }

    static double p(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static double max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? 0.0 : histogram.getMaxValue() / 1000.0;
    }

    /** Computes a run's summary from what was recorded. */
    static Summary of(SecondsRecorder recorder, Timeline timeline, Map<Integer, Integer> withoutHealthyServer,
                      double exitSeconds) {
        Histogram steady = recorder.merged(timeline.settleEnd(), timeline.eventSecond());
        Histogram window = recorder.merged(timeline.windowStart(), timeline.windowEnd());
        Histogram after = recorder.merged(timeline.afterStart(), timeline.endSecond());
        List<SecondStats> rows = recorder.seconds(timeline.endSecond());
        long requests = rows.stream().mapToLong(SecondStats::requests).sum();
        long errors = rows.stream().mapToLong(SecondStats::errors).sum();
        long afterAnswered = 0;
        long afterFromTracked = 0;
        for (SecondStats row : rows.subList(Math.min(rows.size(), timeline.afterStart()), rows.size())) {
            afterAnswered += row.answered();
            afterFromTracked += row.fromNewInstance();
        }
        int firstTraffic = recorder.firstSecondWithNewInstanceTraffic();
        return new Summary(p(steady, 50), p(steady, 99), p(window, 50), p(window, 99), max(window), p(after, 99),
                requests, errors, recorder.errors(timeline.windowStart(), timeline.windowEnd()),
                firstTraffic >= timeline.eventSecond() ? firstTraffic - timeline.eventSecond() : -1,
                afterAnswered == 0 ? 0.0 : (double) afterFromTracked / afterAnswered,
                NodeWatch.secondsWithANodeWithoutHealthyServer(withoutHealthyServer, timeline.eventSecond(),
                        timeline.endSecond()), exitSeconds);
    }
}
