package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "500ms, 500000000",
        "30s, 30000000000",
        "2m, 120000000000",
        "1h, 3600000000000",
        "1.5, 1500000000",
        "60, 60000000000",
        "0.25s, 250000000",
        "'  45S ', 45000000000",
        "1.5m, 90000000000",
        "10 ms, 10000000",
        "250us, 250000",
        "7ns, 7",
        "0, 0",
        ".5, 500000000",
        "0.0000000004, 0",
        "0.0000000005, 1",
    })
    void parses(String text, long nanos) {
        assertThat(Durations.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "banana", "-1s", "+1s", "1e3", "1,5s", "1.2.3s", "s", "ms", ".", "1d", "1 h 2 m", "0x10", "NaN", "Infinity",
        "10000000000000h",
    })
    void rejects(String text) {
        assertThatThrownBy(() -> Durations.parseNanos(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
        "60000000000, 60s",
        "500000000, 500ms",
        "1500000000, 1.5s",
        "120000000000, 2m",
        "90000000000, 90s",
        "3600000000000, 1h",
        "86400000000000, 24h",
        "0, 0s",
        "1000000000, 1s",
        "33250000000, 33.25s",
        "250000, 0.25ms",
        "7, 7ns",
        "-2000000000, -2s",
    })
    void formatsShortly(long nanos, String text) {
        assertThat(Durations.format(nanos)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 999, 1_000, 1_500_000, 999_000_000, 1_000_000_000, 61_000_000_000L, 7_200_000_000_000L})
    void formatParsesBack(long nanos) {
        assertThat(Durations.parseNanos(Durations.format(nanos))).isEqualTo(nanos);
    }

    @Test
    void roughlyIsAtMostTwoUnitsRoundedDown() {
        assertThat(Durations.roughly(250_000_000L)).isEqualTo("250ms");
        assertThat(Durations.roughly(45_900_000_000L)).isEqualTo("45s");
        assertThat(Durations.roughly(Durations.MINUTE * 12 + Durations.SECOND * 5 + 7)).isEqualTo("12m5s");
        assertThat(Durations.roughly(Durations.HOUR * 3 + Durations.MINUTE * 12 + Durations.SECOND * 59))
                .isEqualTo("3h12m");
        assertThat(Durations.roughly(Durations.HOUR * 51)).isEqualTo("2d3h");
        assertThat(Durations.roughly(Durations.HOUR)).isEqualTo("1h");
    }
}
