package io.warmgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code paths=/status} adds a path (relative to the web application) to the gated ones. Without the option
 * {@code /status} is never gated; {@link ServletRampBehaviour} lists it among the
 * paths {@link RampBehaviour#livenessBusinessAndStatusEndpointsAreNeverGated} checks.
 *
 * <p>Only the start of a long ramp is needed here: the peer with the highest bucket must be denied while its
 * turn is seconds away, and the lowest-bucket peer must get through once its turn has come.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtraGatedPathsIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final Duration RAMP = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final List<String> peers = LoopbackPeers.first(16);
    private final ExpectedRamp oracle = new ExpectedRamp(RAMP, 1.0);
    private final String late = BucketOrder.highest(peers);
    private final String early = BucketOrder.lowest(peers);
    @AutoClose
    private SampleProcess sample;
    private long firstSent;
    private Recording answers;
    private AgentLog agentLog;

    @BeforeAll
    void probeTheStartOfTheRamp() {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-extra-paths", "duration=10s,paths=/status");
        int port = sample.port();
        RampProbe.once(port, "127.0.0.1", KIND.path("/livez")); // warm the connector; never gated

        Observation first = RampProbe.once(port, early, KIND.path("/health"));
        assertThat(first.answered()).as("first health check: %s", first).isTrue();
        firstSent = first.sentNanos();
        // Until shortly after the early peer's turn; the late peer's turn is seconds later still.
        long until = first.receivedNanos() + oracle.allowedAfterNanos(early) + TimeUnit.SECONDS.toNanos(1);
        answers = RampProbe.against(port)
                .pollEachPeer(List.of(late, early), KIND.path("/status"), POLL_INTERVAL)
                .cycleThrough(List.of(late), List.of(KIND.path("/health"), KIND.path("/livez")), POLL_INTERVAL)
                .runUntil(until);
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void statusIsGatedForAPeerWhoseTurnHasNotCome() {
        assertThat(answers.failures()).isEmpty();
        long turn = firstSent + oracle.allowedAfterNanos(late);
        List<Observation> beforeTurn = answers.answers(late, KIND.path("/status")).stream()
                .filter(answer -> answer.receivedNanos() < turn).toList();
        assertThat(beforeTurn).as("/status answers to %s before its turn", late).isNotEmpty()
                .allSatisfy(Answers::assertDeniedWithTheOraclesBucket);
    }

    @Test
    void statusPassesUntouchedOnceThePeersTurnHasCome() {
        List<Observation> status = answers.answers(early, KIND.path("/status"));
        assertThat(status).as("/status answers to %s", early).anyMatch(Observation::passedTheGate);
        status.stream().filter(Observation::passedTheGate).forEach(answer -> {
            assertThat(answer.result().status()).isEqualTo(200);
            assertThat(answer.result().body()).isEqualTo("OK\n");
            Answers.assertNotTouchedByWarmgate(answer.result());
        });
    }

    @Test
    void extraPathsAddToTheDetectedOnesAndLivenessStaysOpen() {
        assertThat(answers.answers(late, KIND.path("/health"))).isNotEmpty()
                .allMatch(Observation::deniedByWarmgate);
        assertThat(answers.answers(late, KIND.path("/livez"))).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.result().status()).isEqualTo(200);
            Answers.assertNotTouchedByWarmgate(answer.result());
        });
        assertThat(agentLog.errors()).as("agent log\n%s", agentLog).isEmpty();
    }
}
