package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutCsvTest {

    @Test
    void secondsAreRelativeToTheEventAndEveryRowHasEveryColumn() {
        String csv = RolloutCsv.seconds(List.of(LatencyChartTest.result(ScenarioCatalog.byKey("haproxy-slowstart"),
                5_000, 22)));
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0)).isEqualTo(RolloutCsv.SECONDS_HEADER);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(1)).isEqualTo("haproxy-slowstart,1,-20,100,0,1.00,2.00,10.00,0.000,,");
        assertThat(lines.get(22)).isEqualTo("haproxy-slowstart,1,1,100,0,1.00,5.00,10.00,0.000,,0");
        assertThat(lines.get(23)).startsWith("haproxy-slowstart,1,2,100,0,1.00,5.00,10.00,0.330,");
        int columns = RolloutCsv.SECONDS_HEADER.split(",", -1).length;
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
    }

    @Test
    void oneRunRowWithTheRatioToTheReferenceAndAnEmptyExitWhenNothingWasStopped() {
        String csv = RolloutCsv.runs(List.of(LatencyChartTest.result(ScenarioCatalog.byKey("agent-warmup"),
                3_000, 22)));

        assertThat(csv.lines().toList().get(1))
                .isEqualTo("agent-warmup,join,1,2.00,1.50,3.00,6.00,2.50,1.20,4000,0,0,0,0,0,0,2,,0.330,0 0 0");
        assertThat(csv.lines().toList().get(1).split(",", -1)).hasSize(RolloutCsv.RUNS_HEADER.split(",").length);
    }
}
