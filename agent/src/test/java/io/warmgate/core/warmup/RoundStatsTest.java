package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundStatsTest {

    @Test
    void percentilesAreNearestRankOfWhatWasMeasured() {
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (100 - i) * 1000L; // 100 us down to 1 us, deliberately unsorted
        }
        RoundStats round = new RoundStats(1, 100, 0, latencies, true);
        assertThat(round.p50Nanos()).isEqualTo(50_000L);
        assertThat(round.p99Nanos()).isEqualTo(99_000L);
        assertThat(round.percentileNanos(100)).isEqualTo(100_000L);
        assertThat(round.percentileNanos(1)).isEqualTo(1_000L);
    }

    @Test
    void smallRoundsUseTheirLargestValueForP99() {
        RoundStats round = new RoundStats(2, 3, 0, new long[] {30, 10, 20}, true);
        assertThat(round.p50Nanos()).isEqualTo(20);
        assertThat(round.p99Nanos()).isEqualTo(30);
        assertThat(new RoundStats(1, 1, 0, new long[] {7}, true).p50Nanos()).isEqualTo(7);
    }

    @Test
    void withoutAnswersThereIsNoLatency() {
        RoundStats round = new RoundStats(1, 4, 4, new long[0], true);
        assertThat(round.answered()).isZero();
        assertThat(round.p50Nanos()).isEqualTo(-1);
        assertThat(round.p99Nanos()).isEqualTo(-1);
    }
}
