package io.warmgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>(Map.of("rate", "300", "window", "60s"));

    @Test
    void defaultsApplyUntilOverridden() {
        CliOptions options = CliOptions.parse(new String[] {"--rate", "500"}, DEFAULTS);

        assertThat(options.integer("rate", 1, 1000)).isEqualTo(500);
        assertThat(options.duration("window")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void unknownOptionIsAnErrorNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"--rtae", "500"}, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rtae")
                .hasMessageContaining("--rate");
    }

    @Test
    void missingValueAndOutOfRangeNumbersAreErrors() {
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"--rate"}, DEFAULTS))
                .hasMessageContaining("needs a value");
        CliOptions options = CliOptions.parse(new String[] {"--rate", "0"}, DEFAULTS);
        assertThatThrownBy(() -> options.integer("rate", 1, 1000)).hasMessageContaining("from 1 to 1000");
    }
}
