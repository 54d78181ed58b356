package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthPathMatcherTest {

    private static final List<String> NONE = Collections.emptyList();
    private final HealthPathMatcher detecting = new HealthPathMatcher(true, NONE, NONE);

    @ParameterizedTest
    @ValueSource(strings = {
        "/health", "/healthz", "/healthcheck", "/health-check", "/ready", "/readyz", "/readiness",
        "/HEALTH", "/Healthz", "/ReadinesS",
        "/actuator/health", "/actuator/health/readiness", "/shop/api/health", "/q/health/ready",
        "/health/", "/health;jsessionid=ABC123", "/health;jsessionid=ABC123/", "/app;v=1/health",
        "health",
    })
    void healthWordsAreGated(String path) {
        assertThat(detecting.isGated(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/", "/api/items", "/healthy", "/unhealth", "/health/details", "/health//", "/health.json",
        "/healthcheck2", "/status", "/readyness", "/health-checks", "/api/health/items", "/healthz/x",
    })
    void otherPathsAreNot(String path) {
        assertThat(detecting.isGated(path)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyPathsAreNeverGated(String path) {
        assertThat(detecting.isGated(path)).isFalse();
        assertThat(HealthPathMatcher.isLiveness(path)).isFalse();
        assertThat(new HealthPathMatcher(true, List.of("/status"), NONE).isGated(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/live", "/livez", "/liveness", "/alive", "/LIVEZ", "/actuator/health/liveness", "/health/live",
        "/livez/", "/liveness;jsessionid=1",
    })
    void livenessIsNeverGatedEvenWhenListed(String path) {
        assertThat(HealthPathMatcher.isLiveness(path)).isTrue();
        assertThat(detecting.isGated(path)).isFalse();
        HealthPathMatcher listingIt = new HealthPathMatcher(true, List.of(path, "/livez", "/actuator/health/liveness"),
                NONE);
        assertThat(listingIt.isGated(path)).isFalse();
    }

    @Test
    void detectionCanBeTurnedOff() {
        HealthPathMatcher listedOnly = new HealthPathMatcher(false, List.of("/status"), NONE);
        assertThat(listedOnly.isGated("/health")).isFalse();
        assertThat(listedOnly.isGated("/status")).isTrue();
    }

    @Test
    void extraPathsMatchBehindAContextPathAtSegmentBoundaries() {
        HealthPathMatcher matcher = new HealthPathMatcher(true, List.of("/status", "/internal/ping/"), NONE);
        assertThat(matcher.isGated("/status")).isTrue();
        assertThat(matcher.isGated("/shop/status")).isTrue();
        assertThat(matcher.isGated("/shop/status/")).isTrue();
        assertThat(matcher.isGated("/shop/status;jsessionid=1")).isTrue();
        assertThat(matcher.isGated("/internal/ping")).isTrue();
        assertThat(matcher.isGated("/a/b/internal/ping")).isTrue();
        assertThat(matcher.isGated("/a/internal;x=1/ping")).isTrue();

        assertThat(matcher.isGated("/shop/mystatus")).isFalse();
        assertThat(matcher.isGated("/status/more")).isFalse();
        assertThat(matcher.isGated("/ping")).isFalse();
        assertThat(matcher.isGated("/xinternal/ping")).isFalse();
        assertThat(matcher.isGated("/Status")).as("configured paths are case-sensitive").isFalse();
    }

    @Test
    void excludesAlwaysWin() {
        HealthPathMatcher matcher = new HealthPathMatcher(true, List.of("/status"),
                List.of("/internal/health", "/status"));
        assertThat(matcher.isGated("/internal/health")).isFalse();
        assertThat(matcher.isGated("/app/internal/health/")).isFalse();
        assertThat(matcher.isGated("/status")).isFalse();
        assertThat(matcher.isGated("/health")).isTrue();
        assertThat(matcher.isGated("/public/health")).isTrue();
    }

    @Test
    void theRootPathMatchesOnlyTheRoot() {
        HealthPathMatcher matcher = new HealthPathMatcher(false, List.of("/"), NONE);
        assertThat(matcher.isGated("/")).isTrue();
        assertThat(matcher.isGated("")).isTrue();
        assertThat(matcher.isGated("/anything")).isFalse();
    }

    @Test
    void blankAndNullConfiguredEntriesAreIgnored() {
        HealthPathMatcher matcher = new HealthPathMatcher(false, Arrays.asList(null, "", "  "), null);
        assertThat(matcher.isGated("/")).isFalse();
        assertThat(matcher.isGated("/x")).isFalse();
    }

    @Test
    void veryLongPathsAreHandled() {
        String deep = "/a".repeat(200_000);
        HealthPathMatcher matcher = new HealthPathMatcher(true, List.of("/a/b/status"), List.of("/x/health"));
        assertThat(matcher.isGated(deep)).isFalse();
        assertThat(matcher.isGated(deep + "/health")).isTrue();
        assertThat(matcher.isGated(deep + "/b/status")).isTrue();
        assertThat(matcher.isGated(";".repeat(500_000))).isFalse();
        assertThat(matcher.isGated("/".repeat(500_000))).isFalse();
        assertThat(matcher.isGated("x".repeat(500_000) + "/health")).isTrue();
    }

    @Test
    void ordinaryRequestsAllocateNothing() {
        HealthPathMatcher matcher = new HealthPathMatcher(true, List.of("/internal/status", "/ping"),
                List.of("/admin/health"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String[] paths = {"/api/items/42", "/shop/cart;jsessionid=1", "/static/app.js", "/", "/internal/x/status"};
        boolean anyGated = false;
        for (int warmup = 0; warmup < 10_000; warmup++) {
            anyGated |= matcher.isGated(paths[warmup % paths.length]);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 200_000; i++) {
            anyGated |= matcher.isGated(paths[i % paths.length]);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(anyGated).isFalse();
        // 200,000 calls: even one small object per call would be megabytes; allow only measurement noise.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @Test
    void wordListsAreTheDocumentedOnes() {
        assertThat(HealthPathMatcher.HEALTH_WORDS)
                .containsExactly("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");
        assertThat(HealthPathMatcher.LIVENESS_WORDS).containsExactly("live", "livez", "liveness", "alive");
    }

    @Test
    void aKnownHealthServiceIsGatedByDetectionOrConfigurationAndNeverWhenExcluded() {
        String grpc = "/grpc.health.v1.Health/Check";
        assertThat(detecting.isGated(grpc)).as("not by its last word").isFalse();
        assertThat(detecting.isGatedHealthService(grpc)).as("detect=true").isTrue();
        assertThat(new HealthPathMatcher(false, NONE, NONE).isGatedHealthService(grpc)).as("detect=false").isFalse();
        assertThat(new HealthPathMatcher(false, List.of(grpc), NONE).isGatedHealthService(grpc))
                .as("detect=false, paths=" + grpc).isTrue();
        assertThat(new HealthPathMatcher(true, NONE, List.of(grpc)).isGatedHealthService(grpc))
                .as("exclude-paths=" + grpc).isFalse();
        assertThat(new HealthPathMatcher(true, NONE, List.of("/Check")).isGatedHealthService(grpc))
                .as("exclude-paths=/Check, a suffix at a segment boundary").isFalse();
        assertThat(detecting.isGatedHealthService("/svc/livez")).as("liveness, whatever the caller knows").isFalse();
        assertThat(detecting.isGatedHealthService(null)).isFalse();
    }
}
