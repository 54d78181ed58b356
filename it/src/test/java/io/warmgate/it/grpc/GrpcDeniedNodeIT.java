package io.warmgate.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a node that the ramp still denies sees over gRPC itself, without the HTTP gateway: the denial's exact form,
 * and the calls the gate leaves alone (the kubelet's probes, {@code Watch}, business calls). A 60 s ramp, so the
 * node with the highest bucket stays denied for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcDeniedNodeIT {

    private final List<String> peers = LoopbackPeers.first(16);
    private final String denied = BucketOrder.highest(peers);
    @AutoClose
    private SampleProcess sample;
    @AutoClose
    private GrpcNode starter;
    @AutoClose
    private GrpcNode node;
    @AutoClose
    private GrpcNode kubelet;

    @BeforeAll
    void startTheRamp() {
        sample = GrpcSampleJar.startWithAgent("grpc-denied-node", "duration=60s", Map.of());
        starter = GrpcNode.at(BucketOrder.lowest(peers), sample.port(), null);
        assertThat(starter.check("").code()).as("the first check, which starts the ramp").isNotNull();
        node = GrpcNode.at(denied, sample.port(), null);
        // The kubelet's gRPC probes carry its user agent; grpc-java appends its own after it, as grpc-go does.
        kubelet = GrpcNode.at(denied, sample.port(), "kube-probe/1.30");
        assertThat(ExpectedRamp.bucket(denied)).as("bucket of %s: denied for most of the 60 s", denied).isGreaterThan(50);
    }

    @Test
    void aDeniedNodeGetsUnavailableWithTheWarmgateTrailer() {
        GrpcAnswer answer = node.check("");
        assertThat(answer.code()).as("%s", answer).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(answer.description()).as("%s", answer).startsWith("warmgate:");
        assertThat(answer.warmgateTrailer()).as("%s", answer).matches(Answers.WELL_FORMED_HEADER);
        WarmgateHeader header = WarmgateHeader.parse(answer.warmgateTrailer()).orElseThrow();
        assertThat(header.bucket()).isEqualTo(ExpectedRamp.bucket(denied));
        assertThat(node.check(GrpcSampleJar.CATALOG_SERVICE).code()).as("a named service").isEqualTo(
                Status.Code.UNAVAILABLE);
    }

    @Test
    void theKubeletsProbesAreToldApartAndPassed() {
        assertThat(kubelet.check("")).as("kubelet probe from %s", denied).isEqualTo(GrpcAnswer.ok("SERVING"));
        assertThat(node.check("").code()).as("the same address without the kubelet's user agent")
                .isEqualTo(Status.Code.UNAVAILABLE);
        sample.awaitStderr(line -> line.contains("kubelet probe seen"), java.time.Duration.ofSeconds(5));
        assertThat(new AgentLog(sample.stderrLines()).containing("kubelet probe seen"))
                .singleElement().asString().contains("kube-probe/1.30").contains("from " + denied);
    }

    @Test
    void watchAndBusinessCallsOfADeniedNodeAreUntouched() {
        assertThat(node.check("").code()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(node.watchFirst("")).isEqualTo(GrpcAnswer.ok("SERVING"));
        assertThat(node.watchFirst(GrpcSampleJar.SICK_SERVICE)).isEqualTo(GrpcAnswer.ok("NOT_SERVING"));
        GrpcAnswer item = node.item("7");
        assertThat(item.isOk()).as("%s", item).isTrue();
        assertThat(item.message()).startsWith("{").contains("\"id\":7");
        GrpcAnswer bad = node.item("not-a-number");
        assertThat(bad.code()).as("the application's own error, untouched").isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(bad.trailer()).isEmpty();
    }

    @Test
    void theAgentReportsNoFailures() {
        AgentLog log = new AgentLog(sample.stderrLines());
        assertThat(log.errors()).as("agent errors in\n%s", log).isEmpty();
        assertThat(log.containing("internal failure")).isEmpty();
    }
}
