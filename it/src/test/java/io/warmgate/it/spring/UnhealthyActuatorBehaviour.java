package io.warmgate.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.lbsim.LoopbackPeers;
import io.warmgate.lbsim.SampleProcess;
import io.warmgate.lbsim.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Boot 3 sample whose own health indicator reports it unhealthy ({@code -Dsample.health=...}): Actuator
 * answers 503 on the health endpoint and the readiness group. The gate can only turn healthy into unhealthy, so
 * nobody may ever see 200 there, during the ramp or after it; whoever passes the gate gets Actuator's answer
 * unchanged. Liveness (the liveness state only) stays UP and is never gated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnhealthyActuatorBehaviour {

    static final Duration RAMP = Duration.ofSeconds(3);
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    static final Duration SIDE_INTERVAL = Duration.ofMillis(50);

    private final List<String> peers = LoopbackPeers.first(8);
    private SampleProcess sample;
    private Recording duringRamp;
    private Recording afterWindow;
    private AgentLog agentLog;

    /** Names the log file. */
    abstract String label();

    /** The value of {@code sample.health}: {@code down} or {@code out-of-service}. */
    abstract String healthSetting();

    /** Actuator's status word for it: {@code DOWN} or {@code OUT_OF_SERVICE}. */
    abstract String actuatorStatus();

    /** The health endpoint's path, which the load balancer checks. */
    abstract String healthPath();

    /** Extra agent arguments (after the duration), e.g. {@code paths=...}; empty for none. */
    abstract String extraAgentArgs();

    /** Spring Boot settings for the sample. */
    abstract Map<String, String> springProperties();

    private String readiness() {
        return healthPath() + "/readiness";
    }

    private String liveness() {
        return healthPath() + "/liveness";
    }

    @BeforeAll
    void runOneRamp() {
        Map<String, String> properties = new LinkedHashMap<>(springProperties());
        properties.put("sample.health", healthSetting());
        String agentArgs = "duration=" + RAMP.toSeconds() + "s" + (extraAgentArgs().isEmpty() ? "" : "," + extraAgentArgs());
        sample = SpringSamples.BOOT3.start(label(), agentArgs, properties);
        int port = sample.port();
        for (int i = 0; i < 3; i++) {
            assertThat(RampProbe.once(port, "127.0.0.1", liveness()).answered()).isTrue();
        }
        Observation first = RampProbe.once(port, peers.get(0), healthPath());
        assertThat(first.answered()).as("first health check: %s", first).isTrue();
        List<String> highestBucketFirst = peers.stream()
                .sorted(Comparator.comparingInt(ExpectedRamp::bucket).reversed()).toList();
        duringRamp = RampProbe.against(port)
                .pollEachPeer(peers, healthPath(), POLL_INTERVAL)
                .cycleThrough(highestBucketFirst, List.of(readiness(), liveness()), SIDE_INTERVAL)
                .runUntil(first.receivedNanos() + RAMP.toNanos() + TimeUnit.SECONDS.toNanos(1))
                .plus(List.of(first));
        afterWindow = RampProbe.onePass(port, peers, List.of(healthPath(), readiness(), liveness()));
        sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @AfterAll
    void stopSample() {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void everyRequestGotAnHttpAnswer() {
        assertThat(duringRamp.failures()).isEmpty();
        assertThat(afterWindow.failures()).isEmpty();
    }

    @Test
    void healthAndReadinessAreNeverHealthyForAnybody() {
        for (String path : List.of(healthPath(), readiness())) {
            List<Observation> answers = new ArrayList<>(duringRamp.answers(path));
            answers.addAll(afterWindow.answers(path));
            assertThat(answers).as("answers on %s", path).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));
        }
    }

    @Test
    void whoeverPassesTheGateGetsActuatorsOwnUnhealthyAnswer() {
        List<Observation> passed = duringRamp.answers(healthPath()).stream()
                .filter(Observation::passedTheGate).toList();
        assertThat(passed).as("health checks that passed the gate during the ramp").isNotEmpty();
        for (String path : List.of(healthPath(), readiness())) {
            assertThat(duringRamp.answers(path).stream().filter(Observation::passedTheGate))
                    .allSatisfy(answer -> ActuatorAnswers.assertActuatorUnhealthy(answer.result(), actuatorStatus()));
            assertThat(afterWindow.answers(path)).hasSize(peers.size())
                    .allSatisfy(answer -> ActuatorAnswers.assertActuatorUnhealthy(answer.result(), actuatorStatus()));
        }
    }

    @Test
    void theGateWasActiveOnHealthAndReadiness() {
        for (String path : List.of(healthPath(), readiness())) {
            List<Observation> denials = duringRamp.answers(path).stream()
                    .filter(Observation::deniedByWarmgate).toList();
            assertThat(denials).as("denials on %s", path).isNotEmpty();
            for (Observation denial : denials) {
                WarmgateHeader header = Answers.assertDeniedByWarmgate(denial.result());
                assertThat(header.bucket()).isEqualTo(ExpectedRamp.bucket(denial.peer()));
            }
        }
    }

    @Test
    void livenessIsUpForEverybodyAndNeverGated() {
        List<Observation> answers = new ArrayList<>(duringRamp.answers(liveness()));
        answers.addAll(afterWindow.answers(liveness()));
        assertThat(answers).isNotEmpty().allSatisfy(answer -> ActuatorAnswers.assertActuatorUp(answer.result()));
    }

    @Test
    void agentLogsTheHealthEndpointWithoutErrors() {
        assertThat(agentLog.errors()).as("agent errors in\n%s", agentLog).isEmpty();
        assertThat(agentLog.containing("health handler found: spring-actuator health endpoint")).hasSize(1);
        assertThat(agentLog.lines()).as("agent log\n%s", agentLog).containsOnlyOnce("[warmgate] health handler found: "
                + "servlet org.springframework.web.servlet.DispatcherServlet path " + healthPath());
    }
}
