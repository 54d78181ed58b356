package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Locale;

/** The experiment's CSV files: one row per scenario and second, and one summary row per scenario. */
public final class RolloutCsv {

    public static final String SECONDS_HEADER =
            "scenario,t_s,requests,errors,p50_ms,p99_ms,max_ms,new_share,nodes_routing_to_new";
    public static final String SUMMARY_HEADER = "scenario,steady_p50_ms,steady_p99_ms,join_p50_ms,join_p99_ms,"
            + "join_max_ms,tail_p99_ms,join_p99_over_steady_p99,join_p99_over_tail_p99,requests,errors,join_errors,"
            + "first_traffic_after_launch_s,"
            + "final_share";

    private RolloutCsv() {
    }

    /**
     * Per-second rows; {@code t_s} is seconds since the third instance was launched (negative before).
     * {@code nodes_routing_to_new} is empty for seconds in which HAProxy's statistics were not sampled.
     */
    public static String seconds(List<ScenarioResult> results) {
        StringBuilder csv = new StringBuilder(SECONDS_HEADER).append('\n');
        for (ScenarioResult result : results) {
            for (SecondStats row : result.seconds()) {
                Integer nodes = result.nodesRoutingToNew().get(row.second());
                csv.append(result.scenario().key()).append(',')
                        .append(result.relative(row.second())).append(',')
                        .append(row.requests()).append(',')
                        .append(row.errors()).append(',')
                        .append(millis(row.p50Micros())).append(',')
                        .append(millis(row.p99Micros())).append(',')
                        .append(millis(row.maxMicros())).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", row.newInstanceShare())).append(',')
                        .append(nodes == null ? "" : nodes.toString())
                        .append('\n');
            }
        }
        return csv.toString();
    }

    public static String summary(List<ScenarioResult> results) {
        StringBuilder csv = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (ScenarioResult result : results) {
            Summary s = result.summary();
            csv.append(result.scenario().key()).append(',')
                    .append(fixed(s.steadyP50Ms())).append(',')
                    .append(fixed(s.steadyP99Ms())).append(',')
                    .append(fixed(s.joinP50Ms())).append(',')
                    .append(fixed(s.joinP99Ms())).append(',')
                    .append(fixed(s.joinMaxMs())).append(',')
                    .append(fixed(s.tailP99Ms())).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", s.joinToSteadyP99())).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", s.joinToTailP99())).append(',')
                    .append(s.requests()).append(',')
                    .append(s.errors()).append(',')
                    .append(s.joinErrors()).append(',')
                    .append(s.firstTrafficAfterS()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.finalShare()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String millis(long micros) {
        return fixed(micros / 1000.0);
    }

    private static String fixed(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }
}
