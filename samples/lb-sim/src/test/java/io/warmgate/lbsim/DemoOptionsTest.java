package io.warmgate.lbsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsMatchTheReadme() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.sample()).isEqualTo(SampleKind.TOMCAT);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.peers()).isEqualTo(12);
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsEveryOption() {
        DemoOptions options = DemoOptions.parse("--sample", "jetty", "--duration", "1500ms", "--peers", "5");

        assertThat(options.sample()).isEqualTo(SampleKind.JETTY);
        assertThat(options.durationText()).isEqualTo("1500ms");
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.peers()).isEqualTo(5);
    }

    @Test
    void rejectsNonsenseWithAReason() {
        assertThatThrownBy(() -> DemoOptions.parse("--sample", "undertow")).hasMessageContaining("tomcat or jetty");
        assertThatThrownBy(() -> DemoOptions.parse("--peers", "0")).hasMessageContaining("--peers");
        assertThatThrownBy(() -> DemoOptions.parse("--duration")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--duration", "soon")).hasMessageContaining("expected");
        assertThatThrownBy(() -> DemoOptions.parse("--verbose")).hasMessageContaining("unknown option");
    }

    @Test
    void durationsAcceptTheAgentsForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void samplePathsIncludeTheContext() {
        assertThat(SampleKind.TOMCAT.path("/health")).isEqualTo("/shop/health");
        assertThat(SampleKind.JETTY.path("/health")).isEqualTo("/health");
    }
}
