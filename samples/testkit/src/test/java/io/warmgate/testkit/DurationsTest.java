package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void acceptsTheAgentsForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsOtherFormsWithTheExpectedOnes() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("expected e.g. 500ms");
        assertThatThrownBy(() -> Durations.parse("5h")).hasMessageContaining("'5h'");
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesSecondsWithOneDecimal() {
        assertThat(Durations.seconds(Duration.ofMillis(4_560))).isEqualTo("4.6s");
        assertThat(Durations.seconds(Duration.ZERO)).isEqualTo("0.0s");
    }
}
