package io.warmgate.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.bench.rollout.SecondStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTimeTest {

    private static List<SecondStats> p99s(long... micros) {
        List<SecondStats> rows = new ArrayList<>();
        for (int i = 0; i < micros.length; i++) {
            rows.add(new SecondStats(i, 100, 0, 0, micros[i] / 2, micros[i], micros[i]));
        }
        return rows;
    }

    @Test
    void warmFromTheFirstSecondAfterWhichEverySecondStaysNearTheSettledLevel() {
        // settled level: median of the last five = 1000; a second at 2000 or more is not warm.
        assertThat(WarmUpTime.secondsUntilSettled(p99s(900_000, 400_000, 1_500, 5_000, 1_000, 1_100, 900, 1_000,
                1_200, 1_000))).isEqualTo(4);
        assertThat(WarmUpTime.secondsUntilSettled(p99s(1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000)))
                .isZero();
    }

    @Test
    void notWarmWithinTheRunWhenTheLastSecondsAreStillSlowOrTooFew() {
        assertThat(WarmUpTime.secondsUntilSettled(p99s(1_000, 1_000, 1_000))).isEqualTo(-1);
        assertThat(WarmUpTime.secondsUntilSettled(p99s(1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 9_000)))
                .isEqualTo(-1);
    }
}
