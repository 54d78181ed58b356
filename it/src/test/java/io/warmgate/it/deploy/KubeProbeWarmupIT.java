package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.warmup.WarmupSamples;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kube-probe=warmup}: the kubelet's first probe starts the synthetic warm-up and is held while it runs,
 * so the pod turns Ready warm; after it, probes pass. The kubelet still does not start the ramp.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeProbeWarmupIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String HEALTH = KIND.path("/health");
    private static final String KUBELET = "127.0.0.1";

    private final String node = DeployPeers.withBucketAtLeast(60, 1).get(0);
    @AutoClose
    private SampleProcess sample;
    private HttpResult firstProbe;
    private HttpResult probeAfterWarmup;
    private List<String> logBeforeTheNode;
    private HttpResult nodeCheck;
    private AgentLog agentLog;

    @BeforeAll
    void probeThroughTheWarmup() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-kube-warmup", "duration=30s,kube-probe=warmup,"
                + "warmup.requests=" + WarmupSamples.itemRequests(10) + ",warmup.rounds=2,warmup.timeout=20s");
        firstProbe = KubeletProbes.probe(KUBELET, sample.port(), HEALTH);
        sample.awaitStderr(line -> line.contains("warm-up finished"), Duration.ofSeconds(25));
        probeAfterWarmup = KubeletProbes.probe(KUBELET, sample.port(), HEALTH);
        logBeforeTheNode = sample.stderrLines();
        nodeCheck = KubeletProbes.get(node, sample.port(), HEALTH);
        sample.awaitStderr(line -> line.contains("ramp started"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void theFirstProbeIsHeldAndStartsTheWarmUp() {
        assertThat(firstProbe.status()).isEqualTo(503);
        assertThat(firstProbe.header("X-Warmgate")).hasValue("phase=warming; percent=0.0");
        assertThat(agentLog.containing("warm-up finished")).singleElement()
                .satisfies(line -> assertThat(line).contains("0 errors"));
    }

    @Test
    void afterTheWarmUpProbesPass() {
        assertThat(probeAfterWarmup.status()).isEqualTo(200);
        assertThat(probeAfterWarmup.header("X-Warmgate")).isEmpty();
    }

    @Test
    void theRampStartsAtTheFirstNodeNotAtTheKubelet() {
        assertThat(logBeforeTheNode).noneMatch(line -> line.contains("ramp started"));
        assertThat(agentLog.containing("ramp started")).singleElement()
                .satisfies(line -> assertThat(line).contains(node));
        assertThat(nodeCheck.status()).isEqualTo(503);
        assertThat(agentLog.peerLines()).extracting(AgentLog.PeerLine::peer).doesNotContain(KUBELET);
    }
}
