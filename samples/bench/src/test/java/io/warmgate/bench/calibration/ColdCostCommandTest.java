package io.warmgate.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdCostCommandTest {

    @Test
    void oneRowPerFactorWithUnitsAndTheRunFacts() {
        String md = ColdCostCommand.document(List.of(
                new ColdCostCommand.Row(1, 2.57, 0.47, 3.75, 2.08, 3.2, 243, 249, 13, 0),
                new ColdCostCommand.Row(16, 22.16, 0.31, 22.04, 21.51, 22.9, 1376, 1664, -1, 2)), 100,
                List.of("machine: test"));

        assertThat(md).contains("| 1 | 2.57 ms | 0.470 ms | 3.75 ms | 2.08 ms | 3.2 s | 243 ms | 249 ms | 13 s | 0 |");
        assertThat(md).contains("| 16 | 22.16 ms | 0.310 ms | 22.04 ms | 21.51 ms | 22.9 s | 1376 ms | 1664 ms "
                + "| not within the run | 2 |");
        assertThat(md).contains("full share (100 req/s)", "- machine: test");
    }
}
