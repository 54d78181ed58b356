package io.warmgate.bench.rollout;

import io.warmgate.bench.Statistics;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** The summary tables (Markdown), one per scenario group, and the record of how the runs were made. */
public final class RolloutReport {

    private RolloutReport() {
    }

    /** The table of one group: every figure as the median over the runs, with the range beside it. */
    public static String table(List<ScenarioAggregate> group, int windowSeconds) {
        Flow flow = group.get(0).scenario().flow();
        boolean join = flow == Flow.JOIN;
        boolean stop = flow == Flow.STOP_ONE;
        StringBuilder md = new StringBuilder();
        md.append("| scenario | runs | window p99 | window max | window p99 / p99 after | p99 after the window ")
                .append("| errors in the window | of which 503 from HAProxy | other 5xx | connection errors ")
                .append("| s with a node without a healthy server | ")
                .append(join ? "first request after launch" : stop ? "process exit after SIGTERM" : "p99 before")
                .append(" |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioAggregate aggregate : group) {
            md.append("| ").append(aggregate.scenario().title())
                    .append(" | ").append(aggregate.runs().size())
                    .append(" | ").append(spread(aggregate, Summary::windowP99Ms, LatencyChart::latencyLabel))
                    .append(" | ").append(spread(aggregate, Summary::windowMaxMs, LatencyChart::latencyLabel))
                    .append(" | ").append(spread(aggregate, Summary::windowToAfterP99, RolloutReport::ratio))
                    .append(" | ").append(spread(aggregate, Summary::afterP99Ms, LatencyChart::latencyLabel))
                    .append(" | ").append(spread(aggregate, s -> s.windowErrors().total(), RolloutReport::count))
                    .append(" | ").append(spread(aggregate, s -> s.windowErrors().lb503(), RolloutReport::count))
                    .append(" | ").append(spread(aggregate, s -> s.windowErrors().other5xx(), RolloutReport::count))
                    .append(" | ").append(spread(aggregate, s -> s.windowErrors().noAnswer(), RolloutReport::count))
                    .append(" | ").append(spread(aggregate, s -> s.secondsWithoutHealthyServer(),
                            RolloutReport::count))
                    .append(" | ").append(join ? spread(aggregate, s -> s.firstTrafficAfterS(), v -> count(v) + " s")
                            : stop ? spread(aggregate, Summary::exitSeconds,
                            v -> String.format(Locale.ROOT, "%.1f s", v))
                            : spread(aggregate, Summary::steadyP99Ms, LatencyChart::latencyLabel))
                    .append(" |\n");
        }
        md.append("\nMedian over the runs, smallest to largest in brackets. Window: the ").append(windowSeconds)
                .append(" s from ").append(join ? "the new instance's first answered request" : "the event")
                .append(". Reference (\"p99 after\"): the p99 of the last seconds of the same run, after the window, ")
                .append("every instance warm. Latency is measured from each request's intended send time and covers ")
                .append("every request, failed ones included: a quick 503 lowers the percentiles and a timeout ")
                .append("(10 s) raises them, so read them together with the error columns.\n");
        return md.toString();
    }

    /** {@code median (min-max)}, or just the value when every run gave the same. */
    static String spread(ScenarioAggregate aggregate, ToDoubleFunction<Summary> figure, DoubleFunction<String> format) {
        Statistics.Spread spread = aggregate.spread(figure);
        if (spread.count() == 0) {
            return "n/a";
        }
        String median = format.apply(spread.median());
        if (spread.count() == 1 || spread.min() == spread.max()) {
            return median;
        }
        return median + " (" + format.apply(spread.min()) + "-" + format.apply(spread.max()) + ")";
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0fx" : "%.2gx", value);
    }

    static String count(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The full summary file: one table per group, then how the runs were made. */
    public static String document(List<ScenarioAggregate> aggregates, int windowSeconds, List<String> runFacts,
                                  List<String> failures) {
        StringBuilder md = new StringBuilder("# Rollout experiment: summary\n\n");
        for (String group : ScenarioCatalog.groups()) {
            List<ScenarioAggregate> inGroup = aggregates.stream()
                    .filter(aggregate -> aggregate.scenario().group().equals(group)).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            md.append("## ").append(group).append(": ").append(inGroup.get(0).scenario().flow().eventLabel())
                    .append("\n\n").append(table(inGroup, windowSeconds)).append('\n');
        }
        if (!failures.isEmpty()) {
            md.append("## Runs that failed\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
            md.append('\n');
        }
        md.append("## How these runs were made\n\n");
        runFacts.forEach(fact -> md.append("- ").append(fact).append('\n'));
        md.append("\n## Every run\n\n| scenario | run | load average before -> after | window p99 | max | p99 after "
                + "| errors in the window |\n|---|---:|---|---:|---:|---:|---|\n");
        for (ScenarioAggregate aggregate : aggregates) {
            for (ScenarioResult run : aggregate.runs()) {
                Summary s = run.summary();
                md.append("| ").append(run.scenario().key()).append(" | ").append(run.repetition()).append(" | ")
                        .append(run.loadAverage()).append(" | ").append(LatencyChart.latencyLabel(s.windowP99Ms()))
                        .append(" | ").append(LatencyChart.latencyLabel(s.windowMaxMs())).append(" | ")
                        .append(LatencyChart.latencyLabel(s.afterP99Ms())).append(" | ")
                        .append(s.windowErrors().describe()).append(" |\n");
            }
        }
        md.append('\n');
        for (ScenarioAggregate aggregate : aggregates) {
            ScenarioResult sample = aggregate.representative();
            if (!sample.agentLog().isEmpty()) {
                md.append("### ").append(aggregate.scenario().key()).append(", run ").append(sample.repetition())
                        .append(": agent log of one instance\n\n```\n");
                sample.agentLog().forEach(line -> md.append(line).append('\n'));
                md.append("```\n\n");
            }
        }
        return md.toString();
    }
}
