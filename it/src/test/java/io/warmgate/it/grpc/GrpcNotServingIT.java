package io.warmgate.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.warmgate.it.support.AgentLog;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A gRPC service that says {@code NOT_SERVING} itself ({@code -Dsample.health=down}) is never seen serving, by any
 * node, during a 2 s ramp or after it: the gate can only turn healthy into unhealthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcNotServingIT {

    private static final Duration RAMP = Duration.ofSeconds(2);

    private final List<GrpcNode> nodes = new ArrayList<>();
    private final List<GrpcAnswer> duringRamp = new ArrayList<>();
    private final List<GrpcAnswer> afterWindow = new ArrayList<>();
    @AutoClose
    private SampleProcess sample;

    @BeforeAll
    void checkThroughTheRampAndAfter() throws InterruptedException {
        sample = GrpcSampleJar.startWithAgent("grpc-not-serving", "duration=" + RAMP.toSeconds() + "s",
                Map.of("sample.health", "down"));
        ClientWarmUp.run();
        for (String peer : LoopbackPeers.first(8)) {
            GrpcNode node = GrpcNode.at(peer, sample.port(), null);
            node.connect();
            nodes.add(node);
        }
        duringRamp.add(nodes.get(0).check("")); // the first health check starts the ramp
        long end = System.nanoTime() + RAMP.toNanos();
        while (System.nanoTime() < end) {
            for (GrpcNode node : nodes) {
                duringRamp.add(node.check(""));
            }
            Thread.sleep(100);
        }
        Thread.sleep(500);
        for (GrpcNode node : nodes) {
            afterWindow.add(node.check(""));
            afterWindow.add(node.check(GrpcSampleJar.CATALOG_SERVICE));
        }
    }

    @AfterAll
    void closeNodes() {
        nodes.forEach(GrpcNode::close);
    }

    @Test
    void nobodyEverSeesItServing() {
        assertThat(duringRamp).hasSizeGreaterThan(8 * 3).allSatisfy(answer -> assertThat(answer.isOk()
                ? answer.message().equals("NOT_SERVING")
                : answer.code() == Status.Code.UNAVAILABLE && answer.trailer().isPresent())
                .as("%s", answer).isTrue());
        assertThat(duringRamp).as("answers that passed the gate: the application's own")
                .contains(GrpcAnswer.ok("NOT_SERVING"));
        assertThat(duringRamp).as("denials").anyMatch(answer -> answer.trailer().isPresent());
        assertThat(afterWindow).as("after the window").hasSize(16).containsOnly(GrpcAnswer.ok("NOT_SERVING"));
    }

    @Test
    void theAgentReportsNoFailures() {
        AgentLog log = new AgentLog(sample.stderrLines());
        assertThat(log.errors()).as("agent errors in\n%s", log).isEmpty();
        assertThat(log.startingWith("ramp started")).hasSize(1);
    }
}
