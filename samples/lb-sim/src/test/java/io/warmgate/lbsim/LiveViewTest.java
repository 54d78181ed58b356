package io.warmgate.lbsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    private static final SimulatedNode.Snapshot HEALTHY =
            new SimulatedNode.Snapshot("127.0.0.2", SimulatedNode.State.HEALTHY, 12, "..##", null, 0, "200");
    private static final SimulatedNode.Snapshot DENIED =
            new SimulatedNode.Snapshot("127.0.0.7", SimulatedNode.State.DENIED, 93, "....", 41.5, 10, "503");

    @Test
    void percentComesFromTheLatestDenialUntilEveryNodeIsHealthy() {
        SimulatedNode.Snapshot olderDenial = new SimulatedNode.Snapshot("127.0.0.4", SimulatedNode.State.HEALTHY,
                52, "..##", 20.0, 5, "200");

        assertThat(LiveView.percentText(frame(List.of(olderDenial, DENIED)))).isEqualTo(" 41.5%");
        assertThat(LiveView.percentText(frame(List.of(HEALTHY, olderDenial)))).isEqualTo("100.0%");
        assertThat(LiveView.healthyCount(frame(List.of(HEALTHY, DENIED, olderDenial)))).isEqualTo(2);
    }

    @Test
    void plainOutputAppendsOneLinePerFrameAndEachAgentLineOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveView view = new LiveView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        view.draw(frame(List.of(HEALTHY, DENIED), List.of("[warmgate] ramp started")));
        view.draw(frame(List.of(HEALTHY, DENIED), List.of("[warmgate] ramp started", "[warmgate] peer x")));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\u001b[");
        assertThat(text.split("ramp started", -1)).hasSize(2);
        assertThat(text).contains("healthy  1/2  #.", "[warmgate] peer x");
    }

    @Test
    void terminalOutputRedrawsFromTheTopWithOneRowPerNode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveView view = new LiveView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        view.draw(frame(List.of(HEALTHY, DENIED), List.of("[warmgate] ramp started")));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\u001b[H\u001b[2J").contains("127.0.0.2", "127.0.0.7", "93", "denied",
                "[warmgate] ramp started", "curl");
    }

    private static LiveView.Frame frame(List<SimulatedNode.Snapshot> nodes) {
        return frame(nodes, List.of());
    }

    private static LiveView.Frame frame(List<SimulatedNode.Snapshot> nodes, List<String> agentLines) {
        return new LiveView.Frame("demo", Duration.ofSeconds(3), Duration.ofSeconds(20), nodes, agentLines,
                "try curl");
    }
}
