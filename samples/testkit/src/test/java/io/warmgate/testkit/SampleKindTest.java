package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleKindTest {

    @Test
    void samplePathsIncludeTheContext() {
        assertThat(SampleKind.TOMCAT.path("/health")).isEqualTo("/shop/health");
        assertThat(SampleKind.JETTY.path("/health")).isEqualTo("/health");
    }

    @Test
    void labelsRoundTripAndJarsLieUnderTheRepository() {
        for (SampleKind kind : SampleKind.values()) {
            assertThat(SampleKind.fromLabel(kind.label())).isSameAs(kind);
            assertThat(kind.jar(Path.of("/repo"))).startsWithRaw(Path.of("/repo/samples"));
        }
        assertThatThrownBy(() -> SampleKind.fromLabel("undertow")).hasMessageContaining("tomcat or jetty");
    }
}
