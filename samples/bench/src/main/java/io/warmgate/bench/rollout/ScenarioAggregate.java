package io.warmgate.bench.rollout;

import io.warmgate.bench.Statistics;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** All runs of one scenario: medians and ranges of its figures, and the run that stands for it in the chart. */
public record ScenarioAggregate(Scenario scenario, List<ScenarioResult> runs) {

    public ScenarioAggregate {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run of " + scenario.key());
        }
    }

    /** Median, smallest and largest of one figure over the runs. */
    public Statistics.Spread spread(ToDoubleFunction<Summary> figure) {
        return Statistics.Spread.of(runs.stream().mapToDouble(run -> figure.applyAsDouble(run.summary())).toArray());
    }

    /**
     * The run whose window p99 is the median one (the lower of the two middle runs for an even count): the one
     * drawn in the chart, so the chart shows a typical run rather than the best or the worst.
     */
    public ScenarioResult representative() {
        List<ScenarioResult> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(run -> run.summary().windowP99Ms())).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Groups results by scenario, in the order of {@code scenarios}; scenarios without a run are left out. */
    public static List<ScenarioAggregate> of(List<Scenario> scenarios, List<ScenarioResult> results) {
        return scenarios.stream()
                .map(scenario -> results.stream().filter(result -> result.scenario().equals(scenario)).toList())
                .filter(runs -> !runs.isEmpty())
                .map(runs -> new ScenarioAggregate(runs.get(0).scenario(), runs))
                .toList();
    }
}
