package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RecordedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
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
 * The Micronaut sample with a health indicator that reports DOWN ({@code -Dsample.health=down}): the management
 * endpoint answers 503 on {@code /health} and {@code /health/readiness}. The gate can only turn healthy into
 * unhealthy, so nobody may ever see 200 there, during the ramp or after it, and whoever passes the gate gets
 * Micronaut's own answer; liveness stays UP and is never gated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautDownIT {

    private static final Duration RAMP = Duration.ofSeconds(3);
    private static final String HEALTH = "/health";
    private static final String READINESS = HEALTH + "/readiness";
    private static final String LIVENESS = HEALTH + "/liveness";

    private final List<String> peers = LoopbackPeers.first(8);
    @AutoClose
    private SampleProcess sample;
    private RecordedRamp ramp;

    @BeforeAll
    void runOneRamp() {
        sample = ItEnvironment.startWithAgent(StackSample.MICRONAUT.jar(), Map.of("sample.health", "down"),
                "micronaut-down", "duration=" + RAMP.toSeconds() + "s");
        RecordedRamp.warmUp(sample.port(), List.of(LIVENESS));
        ramp = new RecordedRamp.Plan(sample.port(), peers, HEALTH, RAMP, BucketOrder.highestFirst(peers),
                List.of(READINESS, LIVENESS), List.of(HEALTH, READINESS, LIVENESS)).record(sample);
    }

    @Test
    void healthAndReadinessAreNeverHealthyForAnybody() {
        assertThat(ramp.duringRamp().failures()).isEmpty();
        assertThat(ramp.afterWindow().failures()).isEmpty();
        for (String path : List.of(HEALTH, READINESS)) {
            List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(path));
            answers.addAll(ramp.afterWindow().answers(path));
            assertThat(answers).as("answers on %s", path).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));
        }
    }

    @Test
    void whoeverPassesTheGateGetsMicronautsOwnDownAnswer() {
        assertThat(ramp.duringRamp().answers(HEALTH).stream().filter(Observation::passedTheGate))
                .as("health checks that passed the gate during the ramp").isNotEmpty();
        for (String path : List.of(HEALTH, READINESS)) {
            assertThat(ramp.duringRamp().answers(path).stream().filter(Observation::passedTheGate))
                    .allSatisfy(answer -> assertManagementDown(answer.result()));
            assertThat(ramp.afterWindow().answers(path)).hasSize(peers.size())
                    .allSatisfy(answer -> assertManagementDown(answer.result()));
        }
    }

    @Test
    void theGateWasActiveOnHealthAndReadiness() {
        for (String path : List.of(HEALTH, READINESS)) {
            List<Observation> denials = ramp.duringRamp().answers(path).stream()
                    .filter(Observation::deniedByWarmgate).toList();
            assertThat(denials).as("denials on %s", path).isNotEmpty()
                    .allSatisfy(Answers::assertDeniedWithTheOraclesBucket);
        }
    }

    @Test
    void livenessIsUpForEverybodyAndNeverGated() {
        List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(LIVENESS));
        answers.addAll(ramp.afterWindow().answers(LIVENESS));
        assertThat(answers).isNotEmpty()
                .allSatisfy(answer -> MicronautAnswers.assertManagementUp(answer.result()));
    }

    @Test
    void agentLogsTheHealthEndpointWithoutErrors() {
        AgentLog log = ramp.agentLog();
        assertThat(log.errors()).as("agent errors in\n%s", log).isEmpty();
        assertThat(log.containing("health handler found: micronaut-management health endpoint path /health"))
                .hasSize(1);
    }

    private static void assertManagementDown(HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(503);
        assertThat(result.body()).as("body of %s", result).contains("\"status\":\"DOWN\"");
        Answers.assertNotTouchedByWarmgate(result);
    }
}
