package io.warmgate.agent.jaxrs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcePathTest {

    @Test
    void joinsClassAndMethodPathsWithOneSlash() {
        assertThat(ResourcePath.join("/status", "ready")).isEqualTo("/status/ready");
        assertThat(ResourcePath.join("status/", "/ready/")).isEqualTo("/status/ready");
        assertThat(ResourcePath.join("//status//", "//ready")).isEqualTo("/status/ready");
        assertThat(ResourcePath.join("/a/b", "c/d")).isEqualTo("/a/b/c/d");
    }

    @Test
    void classPathAloneWhenTheMethodHasNone() {
        assertThat(ResourcePath.join("/healthcheck", null)).isEqualTo("/healthcheck");
        assertThat(ResourcePath.join("healthcheck/", "")).isEqualTo("/healthcheck");
    }

    @Test
    void rootClassPath() {
        assertThat(ResourcePath.join("/", "healthz/")).isEqualTo("/healthz");
        assertThat(ResourcePath.join("/", null)).isEqualTo("/");
        assertThat(ResourcePath.join(null, null)).isEqualTo("/");
    }

    @Test
    void templatesAreKeptAsWritten() {
        assertThat(ResourcePath.join("/health", "{component}")).isEqualTo("/health/{component}");
    }
}
