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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A load balancer that fails open keeps routing business traffic to an instance that tells it "unhealthy". The
 * node that does so is let in after {@code fail-open-after} business requests; a node that sends none stays
 * denied. The business requests themselves are answered normally throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailOpenIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String HEALTH = KIND.path("/health");
    private static final String ITEMS = KIND.path("/api/items?id=3");
    private static final int THRESHOLD = 5;

    private final List<String> nodes = DeployPeers.withBucketAtLeast(60, 2);
    private final String failingOpen = nodes.get(0);
    private final String routingCorrectly = nodes.get(1);
    @AutoClose
    private SampleProcess sample;
    private HttpResult firstCheck;
    private HttpResult checkBelowThreshold;
    private HttpResult checkAfterThreshold;
    private HttpResult correctNodeCheck;
    private final List<HttpResult> business = new ArrayList<>();
    private AgentLog agentLog;

    @BeforeAll
    void failOpen() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-fail-open",
                "duration=60s,fail-open-after=" + THRESHOLD);
        int port = sample.port();
        firstCheck = KubeletProbes.get(failingOpen, port, HEALTH);
        correctNodeCheck = KubeletProbes.get(routingCorrectly, port, HEALTH);
        for (int i = 0; i < THRESHOLD - 1; i++) {
            business.add(KubeletProbes.get(failingOpen, port, ITEMS));
        }
        checkBelowThreshold = KubeletProbes.get(failingOpen, port, HEALTH);
        business.add(KubeletProbes.get(failingOpen, port, ITEMS));
        checkAfterThreshold = KubeletProbes.get(failingOpen, port, HEALTH);
        correctNodeCheck = KubeletProbes.get(routingCorrectly, port, HEALTH);
        sample.awaitStderr(line -> line.contains("allowed early"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void theNodeIsDeniedUntilItsBusinessTrafficReachesTheThreshold() {
        assertThat(firstCheck.status()).isEqualTo(503);
        assertThat(checkBelowThreshold.status()).as("after %d business requests", THRESHOLD - 1).isEqualTo(503);
    }

    @Test
    void atTheThresholdTheNodeIsLetInWithTheApplicationsOwnAnswer() {
        assertThat(checkAfterThreshold.status()).isEqualTo(200);
        assertThat(checkAfterThreshold.header("X-Warmgate")).isEmpty();
        assertThat(agentLog.containing("allowed early")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("[warmgate] peer " + failingOpen + " ")
                .contains("it sent " + THRESHOLD + " business requests while denied"));
    }

    @Test
    void aNodeThatSendsNoBusinessTrafficStaysDenied() {
        assertThat(correctNodeCheck.status()).isEqualTo(503);
        assertThat(agentLog.containing("allowed early")).noneMatch(line -> line.contains(routingCorrectly + " "));
    }

    @Test
    void businessRequestsAreAnsweredNormally() {
        assertThat(business).hasSize(THRESHOLD).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Warmgate")).isEmpty();
        });
    }
}
