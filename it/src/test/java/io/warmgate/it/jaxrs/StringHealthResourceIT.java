package io.warmgate.it.jaxrs;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A health resource method that returns a {@code String}, not a {@code Response} ({@code /status/ready} in the
 * Jersey 3 sample on Grizzly): a denied peer must still get a 503 with the {@code X-Warmgate} header, and an
 * allowed peer the method's own 200 {@code READY}. Only this path is polled, so it is also what starts the ramp.
 *
 * <p>Same timing model as the servlet ramp tests: C and F bracket the first check, and the ramp start lies
 * between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StringHealthResourceIT {

    private static final Duration RAMP = Duration.ofSeconds(4);
    private static final int PEER_COUNT = 12;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final String READY = "/status/ready";

    private final List<String> peers = LoopbackPeers.first(PEER_COUNT);
    private final ExpectedRamp oracle = new ExpectedRamp(RAMP, 1.0);
    private SampleProcess sample;
    private long firstSent;
    private long firstReceived;
    private Recording duringRamp;
    private Recording afterWindow;

    @BeforeAll
    void runOneRamp() {
        sample = JaxRsSample.JERSEY3_GRIZZLY.startWithAgent("jersey3-string-health", "duration=" + RAMP.toSeconds() + "s");
        int port = sample.port();
        for (int i = 0; i < 3; i++) {
            assertThat(RampProbe.once(port, "127.0.0.1", "/livez").answered()).isTrue();
        }
        Observation first = RampProbe.once(port, peers.get(0), READY);
        assertThat(first.answered()).as("first check: %s", first).isTrue();
        firstSent = first.sentNanos();
        firstReceived = first.receivedNanos();
        duringRamp = RampProbe.against(port)
                .pollEachPeer(peers, READY, POLL_INTERVAL)
                .runUntil(firstReceived + RAMP.toNanos() + TimeUnit.SECONDS.toNanos(1))
                .plus(List.of(first));
        afterWindow = RampProbe.onePass(port, peers, List.of(READY));
    }

    @AfterAll
    void stopSample() {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void deniedPeersGetTheAgents503() {
        List<Observation> denials = duringRamp.answers(READY).stream().filter(Observation::deniedByWarmgate).toList();
        assertThat(denials).as("denials during the ramp").isNotEmpty();
        for (Observation denial : denials) {
            WarmgateHeader header = Answers.assertDeniedByWarmgate(denial.result());
            assertThat(header.bucket()).as("bucket in %s", denial).isEqualTo(ExpectedRamp.bucket(denial.peer()));
        }
    }

    @Test
    void allowedPeersGetTheMethodsOwnString() {
        List<Observation> allowed = duringRamp.answers(READY).stream().filter(Observation::passedTheGate).toList();
        assertThat(allowed).as("allowed answers during the ramp").isNotEmpty();
        assertThat(allowed).allSatisfy(this::assertAppReady);
        assertThat(afterWindow.answers(READY)).hasSize(PEER_COUNT).allSatisfy(this::assertAppReady);
    }

    @Test
    void peersTurnHealthyInTheirTurnAndStaySo() {
        assertThat(duringRamp.failures()).isEmpty();
        for (Observation answer : duringRamp.answers(READY)) {
            long turn = oracle.allowedAfterNanos(answer.peer());
            if (answer.passedTheGate()) {
                assertThat(answer.receivedNanos()).as("%s allowed before its turn", answer)
                        .isGreaterThanOrEqualTo(firstSent + turn - ROUNDING_SLACK_NANOS);
            } else {
                assertThat(answer.sentNanos()).as("%s denied after its turn", answer)
                        .isLessThan(firstReceived + turn + ROUNDING_SLACK_NANOS);
            }
        }
        for (String peer : peers) {
            List<Observation> answers = duringRamp.answers(peer, READY);
            Optional<Observation> firstAllowed = answers.stream().filter(Observation::passedTheGate).findFirst();
            assertThat(firstAllowed).as("%s was allowed within the window", peer).isPresent();
            assertThat(answers).as("answers to %s after it was allowed", peer)
                    .filteredOn(answer -> answer.sentNanos() > firstAllowed.get().receivedNanos())
                    .noneMatch(Observation::deniedByWarmgate);
        }
    }

    @Test
    void theAgentFoundTheMethodAndDecidedThere() {
        AgentLog log = new AgentLog(sample.stderrLines());
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
