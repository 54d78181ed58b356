package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSetupTest {

    private static final Path FILE = Path.of("/tmp/warmup.txt");
    private static final Path RECORDING = Path.of("/tmp/recorded.txt");

    @Test
    void defaultsSetOnlyTheRampDuration() {
        assertThat(AgentSetup.DEFAULTS.render(Duration.ofSeconds(60), FILE, RECORDING, 2, List.of("127.0.0.1:8001")))
                .isEqualTo("duration=60000ms");
    }

    @Test
    void fleetPeersListsTheSiblingsSeparatedBySemicolonsInsideOneArgument() {
        String args = AgentSetup.DEFAULTS.withFleetPeers().render(Duration.ofSeconds(5), FILE, RECORDING, 2,
                List.of("127.0.0.1:8001", "127.0.0.1:8002"));

        assertThat(args).isEqualTo("duration=5000ms,fleet.peers=127.0.0.1:8001;127.0.0.1:8002");
        assertThatThrownBy(() -> AgentSetup.DEFAULTS.withFleetPeers().render(Duration.ofSeconds(5), FILE, RECORDING, 2,
                List.of())).hasMessageContaining("sibling");
    }

    @Test
    void warmupAndExtraArgumentsAreAppended() {
        String args = AgentSetup.DEFAULTS.withWarmup().with("spread=instance").with("fail-open-after=20")
                .render(Duration.ofMillis(1500), FILE, RECORDING, 3, List.of());

        assertThat(args).startsWith("duration=1500ms,warmup.file=" + FILE + ",warmup.rounds=3,")
                .endsWith(",spread=instance,fail-open-after=20");
    }

    @Test
    void aRecordedWarmupReplaysAndRecordsTheSharedFileWithoutAHandWrittenList() {
        String args = AgentSetup.DEFAULTS.withRecordedWarmup().render(Duration.ofSeconds(5), FILE, RECORDING, 2,
                List.of());

        assertThat(args).isEqualTo("duration=5000ms,warmup.record=" + RECORDING + ",warmup.record.interval=5s,"
                + "warmup.rounds=2,warmup.concurrency=2,warmup.timeout=120s");
        assertThat(args).doesNotContain("warmup.file");
        assertThatThrownBy(() -> new AgentSetup(true, true, false, "")).hasMessageContaining("not both");
    }

    @Test
    void theRecordingInstancesGateNothingAndRecordTheWholeCatalog() {
        assertThat(AgentSetup.recordingArgs(RECORDING, 1000)).isEqualTo("duration=1ms,drain=off,warmup.record="
                + RECORDING + ",warmup.record.lines=1000,warmup.record.interval=5s");
    }
}
