package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.RecordedRamp;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.FreePorts;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Micronaut's management endpoints on a port of their own ({@code endpoints.all.port}), which Micronaut serves from
 * the same Netty server through the same request lifecycle: the load balancer checks that port, the ramp works
 * there, liveness there is never gated, and the business endpoint on the application port stays untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautManagementPortIT {

    private static final Duration RAMP = Duration.ofSeconds(3);
    private static final String HEALTH = "/health";
    private static final String READINESS = HEALTH + "/readiness";
    private static final String LIVENESS = HEALTH + "/liveness";

    private final List<String> peers = LoopbackPeers.first(8);
    @AutoClose
    private SampleProcess sample;
    private RecordedRamp ramp;
    private Observation business;

    @BeforeAll
    void runOneRamp() throws IOException {
        int managementPort = FreePorts.pick();
        sample = ItEnvironment.startWithAgent(StackSample.MICRONAUT.jar(),
                Map.of("endpoints.all.port", Integer.toString(managementPort)), "micronaut-management-port",
                "duration=" + RAMP.toSeconds() + "s");
        RecordedRamp.warmUp(managementPort, List.of(LIVENESS));
        ramp = new RecordedRamp.Plan(managementPort, peers, HEALTH, RAMP, BucketOrder.highestFirst(peers),
                List.of(READINESS, LIVENESS), List.of(HEALTH, READINESS, LIVENESS)).record(sample, () -> {
                    // Right after the first check, when most nodes are denied: business on the application port.
                    business = RampProbe.once(sample.port(), peers.get(peers.size() - 1), "/api/items?id=3");
                });
    }

    @Test
    void theRampRunsOnTheManagementPort() {
        assertThat(ramp.duringRamp().failures()).isEmpty();
        for (String path : List.of(HEALTH, READINESS)) {
            List<Observation> answers = ramp.duringRamp().answers(path);
            assertThat(answers.stream().filter(Observation::deniedByWarmgate)).as("denials on %s", path)
                    .isNotEmpty().allSatisfy(Answers::assertDeniedWithTheOraclesBucket);
            assertThat(answers.stream().filter(Observation::passedTheGate)).as("passes on %s", path)
                    .allSatisfy(answer -> MicronautAnswers.assertManagementUp(answer.result()));
            assertThat(ramp.afterWindow().answers(path)).hasSize(peers.size())
                    .allSatisfy(answer -> MicronautAnswers.assertManagementUp(answer.result()));
        }
    }

    @Test
    void livenessOnTheManagementPortIsNeverGated() {
        List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(LIVENESS));
        answers.addAll(ramp.afterWindow().answers(LIVENESS));
        assertThat(answers).isNotEmpty()
                .allSatisfy(answer -> MicronautAnswers.assertManagementUp(answer.result()));
    }

    @Test
    void businessOnTheApplicationPortIsUntouched() {
        assertThat(business.result().status()).as("%s", business).isEqualTo(200);
        assertThat(business.result().body()).as("%s", business).startsWith("{");
        Answers.assertNotTouchedByWarmgate(business.result());
    }

    @Test
    void agentLogsWithoutErrors() {
        AgentLog log = ramp.agentLog();
        assertThat(log.errors()).as("agent errors in\n%s", log).isEmpty();
        assertThat(log.startingWith("ramp started")).hasSize(1);
    }
}
