package io.warmgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedAgentComplaints;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
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

/**
 * A configuration nobody meant must not gate anybody: the agent says what is wrong, turns itself off, and the
 * application runs exactly as without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedAgentComplaints("[warmgate] ERROR config: duration=banana")
class BadConfigurationIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String CONFIG_ERROR = "[warmgate] ERROR config: duration=banana";

    private final List<String> peers = LoopbackPeers.first(8);
    @AutoClose
    private SampleProcess sample;
    private Recording answers;
    private AgentLog agentLog;

    @BeforeAll
    void startWithABadDuration() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-bad-config", "duration=banana");
        // Several rounds from every peer, starting at once: with a working agent most of these would be denied.
        answers = RampProbe.onePass(sample.port(), peers, List.of(KIND.path("/health"), KIND.path("/sick/health")));
        for (int round = 0; round < 2; round++) {
            answers = answers.plus(RampProbe.onePass(sample.port(), peers, List.of(KIND.path("/health"))).all());
        }
        sample.awaitStderr(line -> line.startsWith(CONFIG_ERROR), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void saysOnceWhatIsWrongAndWhatWouldBeRight() {
        assertThat(agentLog.errors()).as("agent log\n%s", agentLog).singleElement().satisfies(line -> {
            assertThat(line).startsWith(CONFIG_ERROR);
            // The accepted form is spelled out, e.g. "expected a duration like 500ms, 30s, 2m or plain seconds".
            assertThat(line).contains("expected").containsPattern("\\d+(ms|s|m)\\b");
        });
    }

    @Test
    void everyHealthCheckPassesStraightThrough() {
        assertThat(answers.failures()).isEmpty();
        assertThat(answers.answers(KIND.path("/health"))).hasSize(peers.size() * 3)
                .allSatisfy(answer -> Answers.assertAppHealthy(answer.result()));
    }

    @Test
    void theAppsOwnUnhealthyAnswerIsUntouched() {
        assertThat(answers.answers(KIND.path("/sick/health"))).hasSize(peers.size())
                .allSatisfy(answer -> Answers.assertAppUnhealthy(answer.result()));
    }

    @Test
    void noPeerIsEverReportedOn() {
        assertThat(agentLog.peerLines()).isEmpty();
        assertThat(answers.all()).noneMatch(Observation::deniedByWarmgate);
    }
}
