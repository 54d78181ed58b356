package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thousands of concurrent health checks from hundreds of peers (127.0.0.2 to 127.0.1.47) during a ramp. It opens
 * with a burst: {@value #THREADS} peers send their first check at the same instant, racing to start the ramp.
 * Then every peer checks once per round, {@value #ROUNDS} rounds half a second apart, from a pool of
 * {@value #THREADS} threads, so a peer's checks may overlap; finally one round after the window.
 * No errors, each peer's decisions monotonic, the ramp started exactly once, every decision within the
 * oracle's bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentHealthChecksIT {

    private static final Duration RAMP = Duration.ofSeconds(5);
    private static final ExpectedRamp ORACLE = new ExpectedRamp(RAMP, 1.0);
    private static final int PEERS = 300;
    private static final int THREADS = 48;
    private static final int ROUNDS = 12;
    private static final Duration ROUND_SPACING = Duration.ofMillis(500);
    private static final Duration ALL_DONE_TIMEOUT = Duration.ofSeconds(120);
    private static final long SLACK_NANOS = Duration.ofMillis(10).toNanos();

    /** One health check: the answer, or why there was none. */
    private record Check(String peer, boolean afterWindow, HttpResult result, String failure) {
    }

    private final List<String> peers = Peers.loopback(PEERS);
    private final Queue<Check> checks = new ConcurrentLinkedQueue<>();
    private SampleProcess sample;
    private int sent;
    private List<String> agentLines;

    @BeforeAll
    void checkFromEveryPeerAtOnce() throws InterruptedException {
        sample = RobustnessSamples.withAgent(RobustnessSamples.jettyJar(), "jetty-concurrent-checks",
                "duration=" + RAMP.toSeconds() + "s");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (String peer : peers.subList(0, THREADS)) {
                submit(pool, peer, false, go);
            }
            go.countDown();
            long start = System.nanoTime();
            Random order = new Random(7);
            for (int round = 1; round <= ROUNDS; round++) {
                sleepUntil(start + ROUND_SPACING.toNanos() * round);
                List<String> shuffled = new ArrayList<>(peers);
                Collections.shuffle(shuffled, order);
                shuffled.forEach(peer -> submit(pool, peer, false, null));
            }
            sleepUntil(start + RAMP.plusMillis(500).toNanos());
            peers.forEach(peer -> submit(pool, peer, true, null));
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(ALL_DONE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("all checks done").isTrue();
        assertThat(sample.awaitStderr(line -> line.startsWith("[warmgate] ramp finished"), Duration.ofSeconds(10)))
                .isPresent();
        agentLines = new AgentLog(sample.stderrLines()).lines();
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void everyCheckGotAWellFormedAnswer() {
        List<Check> failed = checks.stream().filter(check -> check.result() == null).toList();
        assertThat(failed).as("checks without an answer").isEmpty();
        assertThat(checks).hasSize(sent);
        assertThat(sent).isEqualTo(THREADS + PEERS * (ROUNDS + 1));
        for (Check check : checks) {
            if (check.result().header(WarmgateHeader.NAME).isPresent()) {
                assertThat(Answers.assertDeniedByWarmgate(check.result()).bucket()).as("bucket of %s", check)
                        .isEqualTo(ExpectedRamp.bucket(check.peer()));
            } else {
                Answers.assertAppHealthy(check.result());
            }
        }
    }

    @Test
    void everyPeersDecisionsAreMonotonic() {
        Map<String, List<HttpResult>> byPeer = answered().collect(Collectors.groupingBy(HttpResult::peer));
        assertThat(byPeer).hasSize(PEERS);
        byPeer.forEach((peer, answers) -> {
            long firstAllowedReceived = answers.stream().filter(ConcurrentHealthChecksIT::allowed)
                    .mapToLong(HttpResult::receivedNanos).min().orElse(Long.MAX_VALUE);
            // A check sent after an allowed answer had arrived was decided after that allowance.
            assertThat(answers).as("peer %s", peer).noneMatch(answer -> !allowed(answer)
                    && answer.sentNanos() > firstAllowedReceived);
        });
    }

    @Test
    void everyDecisionIsWithinTheOraclesBounds() {
        long earliestStart = answered().mapToLong(HttpResult::sentNanos).min().orElseThrow();
        long latestStart = answered().mapToLong(HttpResult::receivedNanos).min().orElseThrow();
        answered().forEach(answer -> {
            long allowedAfter = ORACLE.allowedAfterNanos(answer.peer());
            if (allowed(answer)) {
                assertThat(answer.receivedNanos()).as("allowed too early: %s", answer)
                        .isGreaterThanOrEqualTo(earliestStart + allowedAfter - SLACK_NANOS);
            } else {
                assertThat(answer.sentNanos()).as("denied too late: %s", answer)
                        .isLessThan(latestStart + allowedAfter + SLACK_NANOS);
            }
        });
        assertThat(checks).filteredOn(Check::afterWindow).hasSize(PEERS)
                .allSatisfy(check -> Answers.assertAppHealthy(check.result()));
    }

    @Test
    void theRampStartedAndFinishedExactlyOnce() {
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] ramp started")).hasSize(1);
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] ramp finished")).hasSize(1);
        assertThat(agentLines).as("agent log").noneMatch(line -> line.startsWith("[warmgate] WARN")
                || line.startsWith("[warmgate] ERROR"));
    }

    @Test
    void eachPeerIsReportedAtMostOncePerState() {
        List<AgentLog.PeerLine> lines = new AgentLog(agentLines).peerLines();
        Map<String, List<AgentLog.PeerLine>> byPeer = lines.stream().collect(Collectors.groupingBy(AgentLog.PeerLine::peer));
        assertThat(byPeer.keySet()).containsExactlyInAnyOrderElementsOf(peers);
        byPeer.forEach((peer, reported) -> {
            // The first check from a peer is reported (allowed or denied); a denied peer once more when allowed.
            assertThat(reported).as("peer %s", peer).hasSizeBetween(1, 2).allSatisfy(line ->
                    assertThat(line.bucket()).isEqualTo(ExpectedRamp.bucket(peer)));
            if (reported.size() == 2) {
                assertThat(reported).as("peer %s", peer).extracting(AgentLog.PeerLine::allowed)
                        .containsExactly(false, true);
            }
        });
    }

    private Stream<HttpResult> answered() {
        return checks.stream().filter(check -> check.result() != null).map(Check::result);
    }

    private static boolean allowed(HttpResult answer) {
        return answer.header(WarmgateHeader.NAME).isEmpty();
    }

    private void submit(ExecutorService pool, String peer, boolean afterWindow, CountDownLatch go) {
        sent++;
        pool.execute(() -> {
            try {
                if (go != null && !go.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the burst never started");
                }
                checks.add(new Check(peer, afterWindow, Exchanges.get(peer, sample.port(), "/health"), null));
            } catch (RuntimeException | InterruptedException e) {
                checks.add(new Check(peer, afterWindow, null, e.toString()));
            }
        });
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
