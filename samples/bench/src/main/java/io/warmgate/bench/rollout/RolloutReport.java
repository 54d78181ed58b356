package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Locale;

/** The summary table (Markdown) and the record of how the run was made. */
public final class RolloutReport {

    private RolloutReport() {
    }

    public static String table(List<ScenarioResult> results, int joinWindowSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | steady p99 | join-window p50 | join-window p99 | join p99 / steady p99 ")
                .append("| join-window max | p99 after the window | join p99 / after | errors (window / run) ")
                .append("| first request after launch | final share |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            Summary s = result.summary();
            md.append("| ").append(result.scenario().title())
                    .append(" | ").append(LatencyChart.latencyLabel(s.steadyP99Ms()))
                    .append(" | ").append(LatencyChart.latencyLabel(s.joinP50Ms()))
                    .append(" | ").append(LatencyChart.latencyLabel(s.joinP99Ms()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx", s.joinToSteadyP99()))
                    .append(" | ").append(LatencyChart.latencyLabel(s.joinMaxMs()))
                    .append(" | ").append(LatencyChart.latencyLabel(s.tailP99Ms()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx", s.joinToTailP99()))
                    .append(" | ").append(s.joinErrors()).append(" / ").append(s.errors())
                    .append(" of ").append(s.requests())
                    .append(" | ").append(s.firstTrafficAfterS() < 0 ? "never" : s.firstTrafficAfterS() + " s")
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f%%", 100 * s.finalShare()))
                    .append(" |\n");
        }
        md.append("\nSteady: the ").append("seconds before the launch (after the settle time). Join window: the ")
                .append(joinWindowSeconds).append(" s from the new instance's first request. Latency is measured ")
                .append("from each request's intended send time. Final share: the new instance's share of the ")
                .append("traffic in the last seconds (a full share is 33%). After the window: the last seconds ")
                .append("of the run, all three instances warm; on one shared machine the third JVM itself costs ")
                .append("CPU, so this is the level the join window can at best come back to.\n");
        return md.toString();
    }

    /** The full summary file: the table, then how it was produced. */
    public static String document(List<ScenarioResult> results, int joinWindowSeconds, List<String> runFacts) {
        StringBuilder md = new StringBuilder("# Rollout experiment: summary\n\n");
        md.append(table(results, joinWindowSeconds)).append('\n');
        md.append("## How this run was made\n\n");
        for (String fact : runFacts) {
            md.append("- ").append(fact).append('\n');
        }
        md.append('\n');
        for (ScenarioResult result : results) {
            md.append("### ").append(result.scenario().title()).append("\n\n")
                    .append("- load average before -> after: ").append(result.loadAverage()).append('\n');
            if (!result.agentLog().isEmpty()) {
                md.append("- the joining instance's agent log:\n\n```\n");
                for (String line : result.agentLog()) {
                    md.append(line).append('\n');
                }
                md.append("```\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
