package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutCsvTest {

    @Test
    void secondsAreRelativeToTheLaunchAndEveryRowHasEveryColumn() {
        String csv = RolloutCsv.seconds(List.of(LatencyChartTest.result(Scenario.HAPROXY_SLOWSTART, 5_000, 22)));
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0)).isEqualTo(RolloutCsv.SECONDS_HEADER);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(1)).startsWith("haproxy-slowstart,-20,100,0,1.00,2.00,10.00,0.000,");
        assertThat(lines.get(23)).startsWith("haproxy-slowstart,2,100,0,1.00,5.00,10.00,0.330,");
        int columns = RolloutCsv.SECONDS_HEADER.split(",", -1).length;
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
    }

    @Test
    void summaryHasTheJoinToSteadyRatio() {
        String csv = RolloutCsv.summary(List.of(LatencyChartTest.result(Scenario.AGENT_WARMUP, 3_000, 22)));

        assertThat(csv.lines().toList().get(1)).startsWith("agent-warmup,1.00,2.00,1.50,3.00,6.00,2.50,1.50,1.20,4000,0,0,2,");
    }
}
