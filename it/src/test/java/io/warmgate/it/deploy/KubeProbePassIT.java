package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the defaults, the kubelet's probes pass from the very first one, on the shared liveness/readiness path,
 * and do not start the ramp: the first load-balancer node does. Also checks, on the same JVM, that a sibling's
 * fleet check is answered "not open" while ramping and never counted as a node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeProbePassIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String HEALTH = KIND.path("/health");
    private static final String KUBELET = "127.0.0.1";
    private static final String SIBLING = "127.0.0.60";

    private final String node = DeployPeers.withBucketAtLeast(60, 1).get(0);
    @AutoClose
    private SampleProcess sample;
    private final List<HttpResult> probesBeforeTheRamp = new ArrayList<>();
    private final List<HttpResult> probesDuringTheRamp = new ArrayList<>();
    private List<String> logBeforeTheNode;
    private HttpResult nodeCheck;
    private HttpResult fleetCheck;
    private AgentLog agentLog;

    @BeforeAll
    void probeThenRamp() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-kube-pass", "duration=30s");
        for (int i = 0; i < 5; i++) {
            probesBeforeTheRamp.add(KubeletProbes.probe(KUBELET, sample.port(), HEALTH));
        }
        sample.awaitStderr(line -> line.contains("kubelet probe seen"), Duration.ofSeconds(5));
        logBeforeTheNode = sample.stderrLines();
        nodeCheck = KubeletProbes.get(node, sample.port(), HEALTH);
        for (int i = 0; i < 5; i++) {
            probesDuringTheRamp.add(KubeletProbes.probe(KUBELET, sample.port(), HEALTH));
        }
        fleetCheck = KubeletProbes.get(SIBLING, sample.port(), HEALTH, Map.of("X-Warmgate-Fleet", "1"));
        sample.awaitStderr(line -> line.contains("ramp started"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void kubeletProbesPassFromTheFirstOne() {
        assertThat(probesBeforeTheRamp).allSatisfy(probe -> {
            assertThat(probe.status()).as("%s", probe).isEqualTo(200);
            assertThat(probe.header("X-Warmgate")).isEmpty();
        });
        assertThat(probesDuringTheRamp).allSatisfy(probe -> assertThat(probe.status()).isEqualTo(200));
    }

    @Test
    void kubeletProbesDoNotStartTheRampNorCountAsANode() {
        assertThat(logBeforeTheNode).noneMatch(line -> line.contains("ramp started"));
        assertThat(agentLog.containing("ramp started")).singleElement()
                .satisfies(line -> assertThat(line).endsWith("from " + node));
        assertThat(agentLog.peerLines()).extracting(AgentLog.PeerLine::peer).doesNotContain(KUBELET);
        assertThat(nodeCheck.status()).as("the node, bucket >= 60, early in a 30 s ramp").isEqualTo(503);
    }

    @Test
    void theFirstKubeletProbeIsLoggedOnce() {
        assertThat(agentLog.containing("kubelet probe seen")).singleElement()
                .satisfies(line -> assertThat(line).contains("kube-probe/1.31", "never gated (kube-probe=pass)"));
    }

    @Test
    void aSiblingsFleetCheckHearsNotOpenAndIsNotANode() {
        assertThat(fleetCheck.status()).isEqualTo(503);
        assertThat(fleetCheck.header("X-Warmgate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("phase=ramping; percent="));
        assertThat(agentLog.peerLines()).extracting(AgentLog.PeerLine::peer).doesNotContain(SIBLING);
    }
}
