package io.warmgate.agent.spring;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MappedPathsTest {

    private static final List<String> NONE = Collections.emptyList();

    @Test
    void methodPathAloneGetsALeadingSlash() {
        assertThat(MappedPaths.combine(NONE, Arrays.asList("health"))).containsExactly("/health");
        assertThat(MappedPaths.combine(NONE, Arrays.asList("/health"))).containsExactly("/health");
    }

    @Test
    void classPrefixAndMethodPathAreJoinedWithOneSlash() {
        assertThat(MappedPaths.combine(Arrays.asList("/sick"), Arrays.asList("/health"))).containsExactly("/sick/health");
        assertThat(MappedPaths.combine(Arrays.asList("sick/"), Arrays.asList("health"))).containsExactly("/sick/health");
        assertThat(MappedPaths.combine(Arrays.asList("/api/"), Arrays.asList("/v1/ready/")))
                .containsExactly("/api/v1/ready");
    }

    @Test
    void aMappingWithoutPathInheritsItsParentsPath() {
        assertThat(MappedPaths.combine(Arrays.asList("/health"), NONE)).containsExactly("/health");
        assertThat(MappedPaths.combine(Arrays.asList("/health"), Arrays.asList(""))).containsExactly("/health");
        assertThat(MappedPaths.combine(NONE, NONE)).containsExactly("/");
    }

    @Test
    void everyPrefixCombinesWithEveryPath() {
        assertThat(MappedPaths.combine(Arrays.asList("/a", "/b"), Arrays.asList("/health", "/ready")))
                .containsExactly("/a/health", "/a/ready", "/b/health", "/b/ready");
    }

    @Test
    void patternsAreKeptAsWritten() {
        assertThat(MappedPaths.combine(Arrays.asList("/{tenant}"), Arrays.asList("/health")))
                .containsExactly("/{tenant}/health");
    }
}
