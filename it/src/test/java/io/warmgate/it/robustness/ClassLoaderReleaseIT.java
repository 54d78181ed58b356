package io.warmgate.it.robustness;

import static io.warmgate.it.robustness.RobustnessSamples.PLUGIN_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.PLUGIN_RELEASED;
import static io.warmgate.it.robustness.RobustnessSamples.PLUGIN_RELOAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A class loader whose classes the agent instrumented can still be garbage-collected. The sample deploys its
 * plugin's health servlet in a class loader of its own and redeploys it on request, as application servers do
 * with web applications; the servlet answers in its own {@code service} method, so a denial proves the advice
 * was woven into that loader's class. After several redeployments the sample drops every reference to the old
 * loaders and asks the JVM to collect them (bounded: up to 10 s of System.gc every 100 ms); anything in the
 * agent that held on to an instrumented class, its loader or an instance (a cache, a thread-local, a logged
 * object) would keep them alive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassLoaderReleaseIT {

    private static final int DEPLOYMENTS = 4;

    private final String deniedPeer = Peers.deniedDuringLongRamp(1).get(0);
    private final String allowedPeer = Peers.allowedFromTheStart(1).get(0);
    private SampleProcess sample;
    private final List<HttpResult> deniedAnswers = new ArrayList<>();
    private final List<HttpResult> allowedAnswers = new ArrayList<>();
    private String released;

    @BeforeAll
    void deployRedeployAndRelease() {
        sample = RobustnessSamples.withAgent(RobustnessSamples.legacyJar(), "legacy-libs-plugin-release", "duration=1h");
        for (int deployment = 1; deployment <= DEPLOYMENTS; deployment++) {
            deniedAnswers.add(Exchanges.get(deniedPeer, sample.port(), PLUGIN_HEALTH));
            allowedAnswers.add(Exchanges.get(allowedPeer, sample.port(), PLUGIN_HEALTH));
            assertThat(Exchanges.get(allowedPeer, sample.port(), PLUGIN_RELOAD).body())
                    .isEqualTo("generation=" + (deployment + 1) + "\n");
        }
        released = Exchanges.get(allowedPeer, sample.port(), PLUGIN_RELEASED).body();
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void everyDeploymentWasInstrumented() {
        assertThat(deniedAnswers).hasSize(DEPLOYMENTS).allSatisfy(answer ->
                assertThat(Answers.assertDeniedByWarmgate(answer).bucket()).isEqualTo(ExpectedRamp.bucket(deniedPeer)));
        for (int deployment = 1; deployment <= DEPLOYMENTS; deployment++) {
            HttpResult answer = allowedAnswers.get(deployment - 1);
            Answers.assertAppHealthy(answer);
            assertThat(answer.header("X-Plugin-Deployment")).hasValue("PluginClassLoader[generation " + deployment + "]");
        }
    }

    @Test
    void everyDiscardedDeploymentWasGarbageCollected() {
        assertThat(released).isEqualTo("discarded=" + DEPLOYMENTS + " released=" + DEPLOYMENTS + "\n");
    }

    @Test
    void theHandlerWasReportedOnceForAllDeployments() {
        assertThat(sample.stderrLines()).filteredOn(line -> line.startsWith("[warmgate] health handler found: servlet "
                + "io.warmgate.samples.legacy.plugin.PluginHealthServlet path /plugin/health")).hasSize(1);
    }
}
