package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardReadingTest {

    @Test
    void latenciesAreShownToThreeSignificantDigits() {
        assertThat(GuardReading.latency(251_658_240L)).isEqualTo("252ms");
        assertThat(GuardReading.latency(7_864_320L)).isEqualTo("7.86ms");
        assertThat(GuardReading.latency(1_835_008_000L)).isEqualTo("1.84s");
        assertThat(GuardReading.latency(3_000_000L)).isEqualTo("3ms");
    }

    @Test
    void describesTheWindowAgainstItsLimits() {
        GuardReading absolute = new GuardReading(true, 40, 2, 61_000_000L, 50_000_000L, -1L, 0.05, 0.05);
        assertThat(absolute.describe()).isEqualTo("business p99 61ms (guard 50ms), 5xx 5.0% (guard 5.0%) of 40 requests");
        assertThat(GuardReading.NO_DATA.describe()).isEqualTo("too few business requests to judge");
    }
}
