package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Locale;

/** The experiment's CSV files: one row per run and second, and one summary row per run. */
public final class RolloutCsv {

    public static final String SECONDS_HEADER = "scenario,run,t_s,requests,errors,p50_ms,p99_ms,max_ms,tracked_share,"
            + "nodes_routing_to_tracked,nodes_without_healthy_server";
    public static final String RUNS_HEADER = "scenario,group,run,steady_p99_ms,window_p50_ms,window_p99_ms,"
            + "window_max_ms,after_p99_ms,window_p99_over_after_p99,requests,errors,window_errors,window_lb_503,"
            + "window_other_5xx,window_connection_errors,seconds_without_healthy_server,first_traffic_after_event_s,"
            + "exit_s,final_share,load_average";

    private RolloutCsv() {
    }

    /**
     * Per-second rows; {@code t_s} is seconds since the event (negative before). The node columns are empty for
     * seconds in which HAProxy's statistics were not sampled (or, for the tracked instance, nothing is tracked).
     */
    public static String seconds(List<ScenarioResult> results) {
        StringBuilder csv = new StringBuilder(SECONDS_HEADER).append('\n');
        for (ScenarioResult result : results) {
            for (SecondStats row : result.seconds()) {
                Integer routing = result.nodesRoutingToNew().get(row.second());
                Integer without = result.nodesWithoutHealthy().get(row.second());
                csv.append(result.scenario().key()).append(',')
                        .append(result.repetition()).append(',')
                        .append(result.relative(row.second())).append(',')
                        .append(row.requests()).append(',')
                        .append(row.errors()).append(',')
                        .append(millis(row.p50Micros())).append(',')
                        .append(millis(row.p99Micros())).append(',')
                        .append(millis(row.maxMicros())).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", row.newInstanceShare())).append(',')
                        .append(routing == null ? "" : routing.toString()).append(',')
                        .append(without == null ? "" : without.toString())
                        .append('\n');
            }
        }
        return csv.toString();
    }

    public static String runs(List<ScenarioResult> results) {
        StringBuilder csv = new StringBuilder(RUNS_HEADER).append('\n');
        for (ScenarioResult result : results) {
            Summary s = result.summary();
            csv.append(result.scenario().key()).append(',')
                    .append(result.scenario().group()).append(',')
                    .append(result.repetition()).append(',')
                    .append(fixed(s.steadyP99Ms())).append(',')
                    .append(fixed(s.windowP50Ms())).append(',')
                    .append(fixed(s.windowP99Ms())).append(',')
                    .append(fixed(s.windowMaxMs())).append(',')
                    .append(fixed(s.afterP99Ms())).append(',')
                    .append(fixed(s.windowToAfterP99())).append(',')
                    .append(s.requests()).append(',')
                    .append(s.errors()).append(',')
                    .append(s.windowErrors().total()).append(',')
                    .append(s.windowErrors().lb503()).append(',')
                    .append(s.windowErrors().other5xx()).append(',')
                    .append(s.windowErrors().noAnswer()).append(',')
                    .append(s.secondsWithoutHealthyServer()).append(',')
                    .append(s.firstTrafficAfterS()).append(',')
                    .append(Double.isNaN(s.exitSeconds()) ? "" : fixed(s.exitSeconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.finalShare())).append(',')
                    .append(result.loadAverage().replace(',', ' '))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String millis(long micros) {
        return fixed(micros / 1000.0);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
