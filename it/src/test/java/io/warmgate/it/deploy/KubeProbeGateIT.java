package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code kube-probe=gate}: the kubelet is treated like any load-balancer node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeProbeGateIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String HEALTH = KIND.path("/health");

    /** The kubelet's address here: a node whose bucket a young 30 s ramp denies. */
    private final String kubelet = DeployPeers.withBucketAtLeast(60, 1).get(0);
    @AutoClose
    private SampleProcess sample;
    private HttpResult probe;
    private AgentLog agentLog;

    @BeforeAll
    void probe() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-kube-gate", "duration=30s,kube-probe=gate");
        probe = KubeletProbes.probe(kubelet, sample.port(), HEALTH);
        sample.awaitStderr(line -> line.contains("peer " + kubelet), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void theKubeletIsGatedLikeANodeAndStartsTheRamp() {
        assertThat(probe.status()).isEqualTo(503);
        assertThat(probe.header("X-Warmgate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("phase=ramping; percent=").endsWith("bucket=" + ExpectedRamp.bucket(kubelet)));
        assertThat(agentLog.containing("ramp started")).singleElement()
                .satisfies(line -> assertThat(line).endsWith("from " + kubelet));
        assertThat(agentLog.peerLines()).extracting(AgentLog.PeerLine::peer).containsExactly(kubelet);
        assertThat(agentLog.containing("kubelet probe seen")).isEmpty();
    }
}
