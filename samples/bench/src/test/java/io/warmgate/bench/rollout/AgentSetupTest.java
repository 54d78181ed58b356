package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSetupTest {

    private static final Path FILE = Path.of("/tmp/warmup.txt");

    @Test
    void defaultsSetOnlyTheRampDuration() {
        assertThat(AgentSetup.DEFAULTS.render(Duration.ofSeconds(60), FILE, 2, List.of("127.0.0.1:8001")))
                .isEqualTo("duration=60000ms");
    }

    @Test
    void fleetPeersListsTheSiblingsSeparatedBySemicolonsInsideOneArgument() {
        String args = AgentSetup.DEFAULTS.withFleetPeers().render(Duration.ofSeconds(5), FILE, 2,
                List.of("127.0.0.1:8001", "127.0.0.1:8002"));

        assertThat(args).isEqualTo("duration=5000ms,fleet.peers=127.0.0.1:8001;127.0.0.1:8002");
        assertThatThrownBy(() -> AgentSetup.DEFAULTS.withFleetPeers().render(Duration.ofSeconds(5), FILE, 2,
                List.of())).hasMessageContaining("sibling");
    }

    @Test
    void warmupAndExtraArgumentsAreAppended() {
        String args = AgentSetup.DEFAULTS.withWarmup().with("spread=instance").with("fail-open-after=20")
                .render(Duration.ofMillis(1500), FILE, 3, List.of());

        assertThat(args).startsWith("duration=1500ms,warmup.file=" + FILE + ",warmup.rounds=3,")
                .endsWith(",spread=instance,fail-open-after=20");
    }
}
