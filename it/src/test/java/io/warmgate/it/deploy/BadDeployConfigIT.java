package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ExpectedAgentComplaints;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A bad value of any deploy-situation key: one clear line each, the agent off, the application untouched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedAgentComplaints("[warmgate] ERROR config: ")
class BadDeployConfigIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final List<String> BAD = List.of("kube-probe=sometimes", "fail-open-after=301",
            "fleet.peers=nohost", "fleet.dns=:8080", "fleet.timeout=1h", "spread=weird");

    @AutoClose
    private SampleProcess sample;
    private Recording answers;
    private AgentLog agentLog;

    @BeforeAll
    void start() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-bad-deploy-config", String.join(",", BAD));
        answers = RampProbe.onePass(sample.port(), LoopbackPeers.first(8), List.of(KIND.path("/health")));
        sample.awaitStderr(line -> line.contains("spread=weird"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void eachBadValueGetsOneLineNamingTheKeyTheValueAndTheAcceptedForm() {
        assertThat(agentLog.errors()).hasSize(BAD.size());
        for (String bad : BAD) {
            assertThat(agentLog.errors()).as(bad).anySatisfy(line -> assertThat(line)
                    .startsWith("[warmgate] ERROR config: " + bad + " (from agent argument) is not valid; expected ")
                    .endsWith("is disabled, the application runs without it"));
        }
    }

    @Test
    void theAgentIsOffAndEveryNodeGetsTheApplicationsAnswer() {
        assertThat(answers.failures()).isEmpty();
        assertThat(answers.all()).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.result().status()).isEqualTo(200);
            assertThat(answer.result().header("X-Warmgate")).isEmpty();
        });
        assertThat(agentLog.containing("health handler found")).isEmpty();
    }
}
