package io.warmgate.it.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RecordedRamp;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A health resource method that returns a {@code String}, not a {@code Response} ({@code /status/ready} in the
 * Jersey 3 sample on Grizzly): a denied peer must still get a 503 with the {@code X-Warmgate} header, and an
 * allowed peer the method's own 200 {@code READY}. Only this path is polled, so it is also what starts the ramp.
 *
 * <p>Same timing model as every ramp test ({@link RecordedRamp}): C and F bracket the first check, and the ramp
 * start lies between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StringHealthResourceIT {

    private static final Duration RAMP = Duration.ofSeconds(4);
    private static final int PEER_COUNT = 12;
    private static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final String READY = "/status/ready";

    private final List<String> peers = LoopbackPeers.first(PEER_COUNT);
    private final ExpectedRamp oracle = new ExpectedRamp(RAMP, 1.0);
    @AutoClose
    private SampleProcess sample;
    private RecordedRamp ramp;

    @BeforeAll
    void runOneRamp() {
        sample = JaxRsSample.JERSEY3_GRIZZLY.startWithAgent("jersey3-string-health",
                "duration=" + RAMP.toSeconds() + "s");
        RecordedRamp.warmUp(sample.port(), List.of("/livez"));
        ramp = new RecordedRamp.Plan(sample.port(), peers, READY, RAMP, List.of(), List.of(), List.of(READY))
                .record(sample);
    }

    @Test
    void deniedPeersGetTheAgents503() {
        List<Observation> denials = ramp.duringRamp().answers(READY).stream()
                .filter(Observation::deniedByWarmgate).toList();
        assertThat(denials).as("denials during the ramp").isNotEmpty();
        assertThat(denials).allSatisfy(Answers::assertDeniedWithTheOraclesBucket);
    }

    @Test
    void allowedPeersGetTheMethodsOwnString() {
        List<Observation> allowed = ramp.duringRamp().answers(READY).stream()
                .filter(Observation::passedTheGate).toList();
        assertThat(allowed).as("allowed answers during the ramp").isNotEmpty();
        assertThat(allowed).allSatisfy(this::assertAppReady);
        assertThat(ramp.afterWindow().answers(READY)).hasSize(PEER_COUNT).allSatisfy(this::assertAppReady);
    }

    @Test
    void peersTurnHealthyInTheirTurnAndStaySo() {
        assertThat(ramp.duringRamp().failures()).isEmpty();
        assertThat(ramp.afterWindow().failures()).isEmpty();
        for (Observation answer : ramp.duringRamp().answers(READY)) {
            long turn = oracle.allowedAfterNanos(answer.peer());
            if (answer.passedTheGate()) {
                assertThat(answer.receivedNanos()).as("%s allowed before its turn", answer)
                        .isGreaterThanOrEqualTo(ramp.firstSent() + turn - ROUNDING_SLACK_NANOS);
            } else {
                assertThat(answer.sentNanos()).as("%s denied after its turn", answer)
                        .isLessThan(ramp.firstReceived() + turn + ROUNDING_SLACK_NANOS);
            }
        }
        for (String peer : peers) {
            List<Observation> answers = ramp.duringRamp().answers(peer, READY);
            Optional<Observation> firstAllowed = answers.stream().filter(Observation::passedTheGate).findFirst();
            assertThat(firstAllowed).as("%s was allowed within the window", peer).isPresent();
            assertThat(answers).as("answers to %s after it was allowed", peer)
                    .filteredOn(answer -> answer.sentNanos() > firstAllowed.get().receivedNanos())
                    .noneMatch(Observation::deniedByWarmgate);
        }
    }

    @Test
    void theAgentFoundTheMethodAndDecidedThere() {
        AgentLog log = ramp.agentLog();
        assertThat(log.errors()).isEmpty();
        assertThat(log.lines()).contains("[warmgate] health handler found: jax-rs (jakarta) "
                + "io.warmgate.samples.jersey3.StatusResource#ready on grizzly path /status/ready");
    }

    private void assertAppReady(Observation answer) {
        assertThat(answer.result().status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.result().body()).as("%s", answer).isEqualTo("READY\n");
        assertThat(answer.result().header("Content-Type")).as("%s", answer).contains("text/plain");
        Answers.assertNotTouchedByWarmgate(answer.result());
    }
}
