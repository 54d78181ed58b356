package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutReportTest {

    static ScenarioResult run(String key, int repetition, double windowP99, double afterP99, ErrorCounts errors) {
        Summary summary = new Summary(1, 2, 1, windowP99, windowP99 * 3, afterP99, 1000, errors.total(), errors, 2,
                0.33, errors.lb503() > 0 ? 7 : 0, Double.NaN);
        return new ScenarioResult(ScenarioCatalog.byKey(key), repetition, 20, 22, List.of(), Map.of(), Map.of(),
                summary, List.of(), "0.5 0.4 0.3 -> 0.6 0.5 0.3");
    }

    @Test
    void everyFigureIsTheMedianWithTheRangeBeside() {
        List<ScenarioResult> runs = List.of(
                run("no-agent", 1, 200, 5, ErrorCounts.NONE),
                run("no-agent", 2, 900, 4, ErrorCounts.NONE),
                run("no-agent", 3, 100, 5, new ErrorCounts(0, 0, 3, 0)),
                run("agent-ramp", 1, 6, 5, ErrorCounts.NONE));
        List<ScenarioAggregate> aggregates = ScenarioAggregate.of(ScenarioCatalog.parse("join"), runs);

        String table = RolloutReport.table(aggregates, 60);

        assertThat(aggregates).hasSize(2);
        // window p99 200 (100-900); ratio median of 40, 225, 20 = 40x (20x-225x)
        assertThat(table).contains("| no agent | 3 | 200 ms (100 ms-900 ms) | 600 ms (300 ms-2.7 s) | 40x (20x-225x) "
                + "| 5 ms (4 ms-5 ms) | 0 (0-3) | 0 | 0 | 0 (0-3) | 0 | 2 s |");
        assertThat(table).contains("| agent, ramp only | 1 | 6 ms | 18 ms | 1.2x | 5 ms |");
    }

    @Test
    void theChartShowsTheRunWithTheMedianWindowP99() {
        ScenarioAggregate aggregate = new ScenarioAggregate(ScenarioCatalog.byKey("no-agent"), List.of(
                run("no-agent", 1, 200, 5, ErrorCounts.NONE), run("no-agent", 2, 900, 4, ErrorCounts.NONE),
                run("no-agent", 3, 100, 5, ErrorCounts.NONE)));

        assertThat(aggregate.representative().repetition()).isEqualTo(1);
    }

    @Test
    void theDocumentHasOneTablePerGroupEveryRunWithItsLoadAverageAndTheFailures() {
        List<ScenarioResult> runs = List.of(run("no-agent", 1, 200, 5, ErrorCounts.NONE),
                run("restart-agent", 1, 3000, 5, new ErrorCounts(900, 0, 10, 0)));
        String md = RolloutReport.document(ScenarioAggregate.of(ScenarioCatalog.ALL, runs), 60, List.of("fact"),
                List.of("failopen-agent run 1: boom"));

        assertThat(md).contains("## join: third instance launched", "## fleet-restart: whole fleet restarted",
                "- failopen-agent run 1: boom", "- fact",
                "| restart-agent | 1 | 0.5 0.4 0.3 -> 0.6 0.5 0.3 |",
                "910 (503 from HAProxy 900, other 5xx 0, connection errors 10)");
        assertThat(md).doesNotContain("## stop-one");
    }
}
