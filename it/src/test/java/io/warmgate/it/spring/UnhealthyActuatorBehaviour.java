package io.warmgate.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RecordedRamp;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
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

    private final SpringSamples springSample;
    private final String label;
    private final Unhealthy health;
    private final String healthPath;
    private final String extraAgentArgs;
    private final Map<String, String> springProperties;

    private final List<String> peers = LoopbackPeers.first(8);
    @AutoClose
    private SampleProcess sample;
    private RecordedRamp ramp;

    /** How the sample's health indicator reports itself. */
    enum Unhealthy {
        DOWN("down", "DOWN"),
        OUT_OF_SERVICE("out-of-service", "OUT_OF_SERVICE");

        /** The value of {@code sample.health}. */
        final String setting;
        /** Actuator's status word for it. */
        final String actuatorStatus;

        Unhealthy(String setting, String actuatorStatus) {
            this.setting = setting;
            this.actuatorStatus = actuatorStatus;
        }
    }

    /** The servlet sample ({@link SpringSamples#BOOT3}); see the other constructor. */
    UnhealthyActuatorBehaviour(String label, Unhealthy health, String healthPath, String extraAgentArgs,
                               Map<String, String> springProperties) {
        this(SpringSamples.BOOT3, label, health, healthPath, extraAgentArgs, springProperties);
    }

    /**
     * @param springSample     which Spring Boot 3 sample
     * @param label            names the log file
     * @param healthPath       the health endpoint's path, which the load balancer checks
     * @param extraAgentArgs   agent arguments after the duration, e.g. {@code paths=...}; empty for none
     * @param springProperties Spring Boot settings for the sample
     */
    UnhealthyActuatorBehaviour(SpringSamples springSample, String label, Unhealthy health, String healthPath,
                               String extraAgentArgs, Map<String, String> springProperties) {
        this.springSample = springSample;
        this.label = label;
        this.health = health;
        this.healthPath = healthPath;
        this.extraAgentArgs = extraAgentArgs;
        this.springProperties = springProperties;
    }

    private String readiness() {
        return healthPath + "/readiness";
    }

    private String liveness() {
        return healthPath + "/liveness";
    }

    @BeforeAll
    void runOneRamp() {
        Map<String, String> properties = new LinkedHashMap<>(springProperties);
        properties.put("sample.health", health.setting);
        String agentArgs = "duration=" + RAMP.toSeconds() + "s" + (extraAgentArgs.isEmpty() ? "" : "," + extraAgentArgs);
        sample = springSample.start(label, agentArgs, properties);
        RecordedRamp.warmUp(sample.port(), List.of(liveness()));
        ramp = new RecordedRamp.Plan(sample.port(), peers, healthPath, RAMP, BucketOrder.highestFirst(peers),
                List.of(readiness(), liveness()), List.of(healthPath, readiness(), liveness()))
                .record(sample);
    }

    @Test
    void everyRequestGotAnHttpAnswer() {
        assertThat(ramp.duringRamp().failures()).isEmpty();
        assertThat(ramp.afterWindow().failures()).isEmpty();
    }

    @Test
    void healthAndReadinessAreNeverHealthyForAnybody() {
        for (String path : List.of(healthPath, readiness())) {
            List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(path));
            answers.addAll(ramp.afterWindow().answers(path));
            assertThat(answers).as("answers on %s", path).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));
        }
    }

    @Test
    void whoeverPassesTheGateGetsActuatorsOwnUnhealthyAnswer() {
        List<Observation> passed = ramp.duringRamp().answers(healthPath).stream()
                .filter(Observation::passedTheGate).toList();
        assertThat(passed).as("health checks that passed the gate during the ramp").isNotEmpty();
        for (String path : List.of(healthPath, readiness())) {
            assertThat(ramp.duringRamp().answers(path).stream().filter(Observation::passedTheGate))
                    .allSatisfy(answer -> ActuatorAnswers.assertActuatorUnhealthy(answer.result(), health.actuatorStatus));
            assertThat(ramp.afterWindow().answers(path)).hasSize(peers.size())
                    .allSatisfy(answer -> ActuatorAnswers.assertActuatorUnhealthy(answer.result(), health.actuatorStatus));
        }
    }

    @Test
    void theGateWasActiveOnHealthAndReadiness() {
        for (String path : List.of(healthPath, readiness())) {
            List<Observation> denials = ramp.duringRamp().answers(path).stream()
                    .filter(Observation::deniedByWarmgate).toList();
            assertThat(denials).as("denials on %s", path).isNotEmpty();
            assertThat(denials).allSatisfy(Answers::assertDeniedWithTheOraclesBucket);
        }
    }

    @Test
    void livenessIsUpForEverybodyAndNeverGated() {
        List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(liveness()));
        answers.addAll(ramp.afterWindow().answers(liveness()));
        assertThat(answers).isNotEmpty().allSatisfy(answer -> ActuatorAnswers.assertActuatorUp(answer.result()));
    }

    @Test
    void agentLogsTheHealthEndpointWithoutErrors() {
        AgentLog agentLog = ramp.agentLog();
        assertThat(agentLog.errors()).as("agent errors in\n%s", agentLog).isEmpty();
        assertThat(agentLog.containing("health handler found: " + springSample.actuatorHandler())).hasSize(1);
        assertThat(agentLog.lines()).as("agent log\n%s", agentLog).containsOnlyOnce("[warmgate] health handler found: "
                + springSample.gateHandler() + " path " + healthPath);
    }
}
