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

    @Test
    void defaultsKeepTheirOrderAndRefuseOddOrRepeatedNames() {
        assertThat(CliOptions.defaults("rate", "300", "window", "60s", "out", "x")).containsExactly(
                Map.entry("rate", "300"), Map.entry("window", "60s"), Map.entry("out", "x"));
        assertThatThrownBy(() -> CliOptions.defaults("rate", "300", "window")).hasMessageContaining("pairs");
        assertThatThrownBy(() -> CliOptions.defaults("rate", "300", "rate", "400")).hasMessageContaining("twice");
    }

    @Test
    void usageListsEveryOptionWithItsDefaultOnALineOfItsOwn() {
        assertThat(CliOptions.usage("rollout", "", CliOptions.defaults("rate", "300", "window", "60s")))
                .isEqualTo("usage: java -jar samples/bench/target/warmgate-bench.jar rollout [--option value ...]\n"
                        + "  rate=300\n  window=60s");
        assertThat(CliOptions.usage("startup", "Run from the root.", CliOptions.defaults("runs", "7")))
                .isEqualTo("usage: java -jar samples/bench/target/warmgate-bench.jar startup [--option value ...]\n"
                        + "  Run from the root.\n  runs=7");
    }
}
