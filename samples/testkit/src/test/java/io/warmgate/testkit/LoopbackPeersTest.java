package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackPeersTest {

    @Test
    void startsAt127002AndCountsUp() {
        assertThat(LoopbackPeers.first(3)).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4");
    }

    @Test
    void coversTheWholeUsableRange() {
        assertThat(LoopbackPeers.first(253)).hasSize(253).endsWith("127.0.0.254").doesNotHaveDuplicates();
    }

    @Test
    void rejectsCountsOutsideTheRange() {
        assertThatThrownBy(() -> LoopbackPeers.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopbackPeers.first(254)).isInstanceOf(IllegalArgumentException.class);
    }
}
