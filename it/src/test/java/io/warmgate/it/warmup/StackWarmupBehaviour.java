package io.warmgate.it.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.stacks.StackSample;
import io.warmgate.it.support.Answers;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The synthetic warm-up on one of the {@link StackSample}s: the first health check (answered there by a filter, an
 * Undertow core handler or a servlet behind Undertow's core) starts it and is denied, the agent finds the port
 * from that check, the warm-up's requests reach the cold business endpoint, and the ramp that follows opens to the
 * application's own answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackWarmupBehaviour {

    private static final int ITEMS = 20;
    private static final int ROUNDS = 2;
    private static final Duration RAMP = Duration.ofSeconds(2);
    private static final Duration WARMUP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PEER = "127.0.0.2";

    private final StackSample target;
    @AutoClose
    private SampleProcess sample;
    private HttpResult first;
    private WarmupReportLine report;
    private long warmupRequestsCounted;
    private HttpResult afterRamp;

    StackWarmupBehaviour(StackSample target) {
        this.target = target;
    }

    @BeforeAll
    void warmUpAndRamp() throws Exception {
        String requests = IntStream.rangeClosed(1, ITEMS).mapToObj(id -> "GET " + target.path("/api/items?id=" + id))
                .collect(Collectors.joining(";"));
        sample = target.startWithAgent(target.label() + "-warmup", "duration=" + RAMP.toSeconds() + "s"
                + ",warmup.requests=" + requests + ",warmup.rounds=" + ROUNDS + ",warmup.concurrency=2"
                + ",warmup.timeout=" + WARMUP_TIMEOUT.toSeconds() + "s");
        PeerClient peer = PeerClient.toLoopback(PEER, sample.port());
        first = peer.get(target.path("/health"));
        report = WarmupSamples.awaitReport(sample, WARMUP_TIMEOUT.plusSeconds(5));
        warmupRequestsCounted = WarmupSamples.warmupRequestsCounted(sample, target.path("/api/stats"));
        // The ramp starts at the warm-up's end and is over RAMP later: by then this peer, like every other, passes.
        long deadline = System.nanoTime() + RAMP.plusSeconds(5).toNanos();
        do {
            Thread.sleep(200);
            afterRamp = peer.get(target.path("/health"));
        } while (afterRamp.header(WarmgateHeader.NAME).isPresent() && System.nanoTime() < deadline);
    }

    @Test
    void theFirstHealthCheckStartsTheWarmUpAndIsDenied() {
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header(WarmgateHeader.NAME)).hasValueSatisfying(
                value -> assertThat(value).matches("phase=warming; percent=0\\.0; bucket=\\d{1,2}"));
        assertThat(first.body()).startsWith("warmgate: this instance is warming up");
    }

    @Test
    void theWarmUpReachedTheColdBusinessEndpointOnThePortOfTheFirstCheck() {
        assertThat(report.errors()).as(report.line()).isZero();
        assertThat(report.port()).as(report.line()).isEqualTo(sample.port());
        assertThat(report.rounds()).as(report.line()).isEqualTo(ROUNDS);
        assertThat(report.requests()).as(report.line()).isEqualTo((long) ROUNDS * ITEMS);
        assertThat(warmupRequestsCounted).as("requests the sample saw marked as the warm-up's")
                .isEqualTo(report.requests());
    }

    /** The application's own healthy answer on {@code /health}; the servlet samples' plain-text one by default. */
    protected void assertAppHealthy(HttpResult answer) {
        Answers.assertAppHealthy(answer);
    }

    @Test
    void theRampThatFollowsOpensToTheApplicationsOwnAnswer() {
        assertAppHealthy(afterRamp);
        List<String> stderr = sample.stderrLines();
        assertThat(stderr).anyMatch(line -> line.contains("to 127.0.0.1:" + sample.port()
                + " (the port of the first health check)"));
        assertThat(stderr).anyMatch(line -> line.contains("ramp started after the warm-up"));
    }
}
