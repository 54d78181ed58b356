package io.warmgate.lbsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warmgate.testkit.SampleKind;
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
}
