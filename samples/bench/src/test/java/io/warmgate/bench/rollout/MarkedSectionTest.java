package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkedSectionTest {

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "# Title\n<!-- rollout-join:start -->\nold table\n<!-- rollout-join:end -->\nafter\n";

        assertThat(MarkedSection.replace(readme, "rollout-join", "| new |"))
                .isEqualTo("# Title\n<!-- rollout-join:start -->\n| new |\n<!-- rollout-join:end -->\nafter\n");
    }

    @Test
    void refusesADocumentWithoutTheSection() {
        assertThatThrownBy(() -> MarkedSection.replace("<!-- x:end --> <!-- x:start -->", "x", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkedSection.replace("nothing", "x", "t"))
                .hasMessageContaining("<!-- x:start -->");
    }
}
