package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.spi.RoutePaths;
import org.junit.jupiter.api.Test;

/** The one path join of JAX-RS, Spring and Micronaut mappings. */
class RoutePathsTest {

    @Test
    void joinsClassAndMethodPathsWithOneSlash() {
        assertThat(RoutePaths.join("/status", "ready")).isEqualTo("/status/ready");
        assertThat(RoutePaths.join("status/", "/ready/")).isEqualTo("/status/ready");
        assertThat(RoutePaths.join("//status//", "//ready")).isEqualTo("/status/ready");
        assertThat(RoutePaths.join("/a/b", "c/d")).isEqualTo("/a/b/c/d");
    }

    @Test
    void classPathAloneWhenTheMethodHasNone() {
        assertThat(RoutePaths.join("/healthcheck", null)).isEqualTo("/healthcheck");
        assertThat(RoutePaths.join("healthcheck/", "")).isEqualTo("/healthcheck");
    }

    @Test
    void rootClassPath() {
        assertThat(RoutePaths.join("/", "healthz/")).isEqualTo("/healthz");
        assertThat(RoutePaths.join("/", null)).isEqualTo("/");
        assertThat(RoutePaths.join(null, null)).isEqualTo("/");
    }

    @Test
    void blanksAroundEitherPartAreIgnored() {
        assertThat(RoutePaths.join(" /ops ", " health/ ")).isEqualTo("/ops/health");
        assertThat(RoutePaths.join("/", "/")).isEqualTo("/");
    }

    @Test
    void templatesAreKeptAsWritten() {
        assertThat(RoutePaths.join("/health", "{component}")).isEqualTo("/health/{component}");
    }
}
