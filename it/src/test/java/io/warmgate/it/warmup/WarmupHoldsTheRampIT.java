package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A synthetic warm-up before the ramp, on the Tomcat sample: every load-balancer node is denied while it runs,
 * its requests really reach the application's cold business endpoint, its own health checks pass the gate
 * without counting as a node, and the ramp is measured from its end.
 *
 * <p>The warm-up sends {@value #ITEMS} cold item lookups and the health endpoint itself, in rounds for
 * {@code warmup.duration}; eight simulated nodes poll the health endpoint throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmupHoldsTheRampIT {

    private static final int ITEMS = 30;
    private static final Duration WARMUP = Duration.ofSeconds(3);
    /** Bounds the warm-up even on a slow, busy machine, so the probe below sees its end and the whole ramp. */
    private static final Duration WARMUP_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration RAMP = Duration.ofSeconds(3);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Not one of the polling nodes: it sends one health check with a made-up warm-up marker. */
    private static final String FORGER = "127.0.0.50";

    private final List<String> peers = LoopbackPeers.first(8);
    private final ExpectedRamp oracle = new ExpectedRamp(RAMP, 1.0);
    @AutoClose
    private SampleProcess sample;
    private HttpResult first;
    private HttpResult forged;
    private Recording recording;
    private Recording afterWindow;
    private WarmupReportLine report;
    private long warmupRequestsCounted;
    private List<String> stderr;

    @BeforeAll
    void warmUpAndRamp() throws Exception {
        String agentArgs = "duration=" + RAMP.toSeconds() + "s"
                + ",warmup.requests=GET " + HEALTH + ";" + WarmupSamples.itemRequests(ITEMS)
                + ",warmup.duration=" + WARMUP.toSeconds() + "s,warmup.timeout=" + WARMUP_TIMEOUT.toSeconds() + "s"
                + ",warmup.concurrency=2";
        sample = startSample(agentArgs);
        int port = sample.port();

        first = PeerClient.toLoopback(peers.get(0), port).get(HEALTH);
        forged = PeerClient.toLoopback(FORGER, port).get(HEALTH, Map.of("X-Warmgate-Warmup", "true"));
        long deadline = first.receivedNanos() + WARMUP_TIMEOUT.plus(RAMP).plusSeconds(2).toNanos();
        recording = RampProbe.against(port).pollEachPeer(peers, HEALTH, POLL_INTERVAL).runUntil(deadline);
        afterWindow = RampProbe.onePass(port, peers, List.of(HEALTH));

        report = WarmupSamples.awaitReport(sample, Duration.ofSeconds(5));
        warmupRequestsCounted = WarmupSamples.warmupRequestsCounted(sample);
        sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
        stderr = sample.stderrLines();
    }

    /**
     * Forks the sample with the agent: the Tomcat sample here. A subclass tells the same story on another stack whose
     * sample serves the same paths (the health check and the cold item lookups under {@code /shop}).
     */
    SampleProcess startSample(String agentArgs) {
        return ItEnvironment.startWithAgent(KIND, "tomcat-warmup", agentArgs);
    }

    private List<Observation> warmingAnswers() {
        return recording.answers(HEALTH).stream()
                .filter(o -> WarmgateHeader.of(o.result()).map(h -> h.phase().equals("warming")).orElse(false))
                .toList();
    }

    /** When the last answer that said "warming" was sent: the ramp cannot have started before. */
    private long lastWarmingSent() {
        return warmingAnswers().stream().mapToLong(Observation::sentNanos).max().orElseThrow();
    }

    @Test
    void theFirstHealthCheckStartsTheWarmUpAndIsDenied() {
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("X-Warmgate")).hasValueSatisfying(
                value -> assertThat(value).matches("phase=warming; percent=0\\.0; bucket=\\d{1,2}"));
        assertThat(first.body()).startsWith("warmgate: this instance is warming up");
    }

    @Test
    void everyNodeIsDeniedWhileTheWarmUpRuns() {
        assertThat(recording.failures()).isEmpty();
        List<Observation> warming = warmingAnswers();
        assertThat(warming).allSatisfy(o -> assertThat(o.result().status()).isEqualTo(503));
        assertThat(warming).extracting(Observation::peer).as("every node heard 'warming' at least once")
                .containsAll(peers);
        long lastWarming = lastWarmingSent();
        List<Observation> allowedTooEarly = recording.answers(HEALTH).stream()
                .filter(o -> o.passedTheGate() && o.receivedNanos() < lastWarming).toList();
        assertThat(allowedTooEarly).as("answers that passed before the warm-up ended").isEmpty();
    }

    @Test
    void theRampIsMeasuredFromTheEndOfTheWarmUp() {
        long rampStartAtLeast = lastWarmingSent();
        List<String> violations = new ArrayList<>();
        for (Observation answer : recording.answers(HEALTH)) {
            long earliest = rampStartAtLeast + oracle.allowedAfterNanos(answer.peer()) - ROUNDING_SLACK_NANOS;
            if (answer.passedTheGate() && answer.receivedNanos() < earliest) {
                violations.add(String.format(Locale.ROOT, "%s allowed %.1f ms before its turn after the warm-up",
                        answer.peer(), (earliest - answer.receivedNanos()) / 1e6));
            }
        }
        assertThat(violations).isEmpty();
        assertThat(afterWindow.all()).as("after the window every node passes")
                .allSatisfy(o -> assertThat(o.passedTheGate()).as("%s", o).isTrue());
    }

    @Test
    void theWarmUpReallyHitTheColdBusinessEndpoint() {
        assertThat(report.errors()).as(report.line()).isZero();
        assertThat(report.port()).isEqualTo(sample.port());
        assertThat(report.rounds()).as(report.line()).isGreaterThanOrEqualTo(2);
        // Each round is the health check plus ITEMS item lookups; the sample counts only the lookups, and only
        // because they carried the warm-up marker header.
        assertThat(report.requests()).isEqualTo((long) report.rounds() * (ITEMS + 1));
        assertThat(warmupRequestsCounted).isEqualTo((long) report.rounds() * ITEMS);
        double[] millis = report.firstAndLastRoundMillis().orElseThrow(() -> new AssertionError(report.line()));
        System.out.printf(Locale.ROOT, "[it] %s%n", report.line());
        // The cold first round (index build, one cache miss per id, JIT) is slower than the warm last round.
        assertThat(millis[0]).as("first round p50 vs last round p50: %s", report.line()).isGreaterThan(millis[2]);
    }

    @Test
    void theWarmUpsOwnHealthChecksPassedWithoutCountingAsANode() {
        // Had the gate answered them, they would be 503s and counted as errors above; they were not.
        assertThat(report.errors()).isZero();
        AgentLog log = new AgentLog(stderr);
        assertThat(log.peerLines()).extracting(AgentLog.PeerLine::peer).doesNotContain("127.0.0.1")
                .containsAll(peers);
    }

    @Test
    void aForgedMarkerGetsNoBypass() {
        assertThat(forged.status()).isEqualTo(503);
        assertThat(forged.header("X-Warmgate")).hasValueSatisfying(value -> assertThat(value).startsWith("phase="));
        assertThat(new AgentLog(stderr).peerLines()).extracting(AgentLog.PeerLine::peer).contains(FORGER);
    }

    @Test
    void theLogTellsTheStory() {
        int started = WarmupSamples.indexOf(stderr, "[warmgate] warm-up started: " + (ITEMS + 1) + " requests per "
                + "round, rounds for 3s, concurrency 2, timeout 6s, to 127.0.0.1:" + sample.port()
                + " (the port of the first health check)");
        int finished = WarmupSamples.indexOf(stderr, "[warmgate] warm-up finished in ");
        int ramp = WarmupSamples.indexOf(stderr, "[warmgate] ramp started after the warm-up (the first health check "
                + "came from " + peers.get(0) + ")");
        assertThat(started).as("%s", stderr).isNotNegative();
        assertThat(finished).isGreaterThan(started);
        assertThat(ramp).isGreaterThan(finished);
        assertThat(new AgentLog(stderr).lines()).noneMatch(line -> line.contains("WARN") || line.contains("ERROR"));
    }
}
