package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.warmgate.core.MonotonicClock;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupDriverTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final int PORT = 8080;

    private final ManualClock clock = new ManualClock();

    /** Answers each call with what the test scripts; calls are numbered from 0 in the order they arrive. */
    private interface Script {
        int answer(WarmupRequest request, int call, int readTimeoutMillis) throws IOException;
    }

    private static RequestSender sender(Script script) {
        AtomicInteger calls = new AtomicInteger();
        return (request, readTimeoutMillis) -> script.answer(request, calls.getAndIncrement(), readTimeoutMillis);
    }

    private static List<WarmupRequest> requests(String... lines) {
        List<WarmupRequest> requests = new ArrayList<>();
        for (String line : lines) {
            requests.add(RequestSyntax.parseRequestLine(line));
        }
        return requests;
    }

    private static WarmupPlan plan(List<WarmupRequest> requests, int concurrency, int rounds, long durationNanos,
                                   long timeoutNanos) {
        return new WarmupPlan(requests, Collections.emptyList(), concurrency, rounds, durationNanos, timeoutNanos, 0);
    }

    private WarmupReport run(WarmupPlan plan, RequestSender sender, MonotonicClock clock, WarmupProgress progress) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new WarmupDriver(plan, PORT, sender, clock, progress).run());
    }

    @Test
    void measuresTheFirstRoundAgainstTheLast() {
        long[] coldMillis = {30, 10, 20};
        long[] warmMillis = {1, 2, 3};
        RequestSender sender = sender((request, call, readTimeout) -> {
            long[] latencies = call < 3 ? coldMillis : warmMillis;
            clock.advance(latencies[call % 3], TimeUnit.MILLISECONDS);
            return 200;
        });
        WarmupProgress progress = new WarmupProgress(clock, true);
        WarmupReport report = run(plan(requests("/a", "/b", "/c"), 1, 4, 0, HOUR), sender, clock, progress);

        assertThat(report.outcome()).isEqualTo(WarmupReport.Outcome.COMPLETED);
        assertThat(report.requests()).isEqualTo(12);
        assertThat(report.errors()).isZero();
        assertThat(report.roundsCompleted()).isEqualTo(4);
        assertThat(report.problem()).isNull();
        assertThat(report.summary()).isEqualTo("warm-up finished in 78ms: 12 requests, 0 errors, 4 rounds to port "
                + "8080; first round p50 20ms p99 30ms, last round p50 2ms p99 3ms");
        assertThat(progress.requests()).isEqualTo(12);
        assertThat(progress.roundsCompleted()).isEqualTo(4);
        assertThat(progress.firstRoundP50Millis()).isEqualTo(20.0);
        assertThat(progress.firstRoundP99Millis()).isEqualTo(30.0);
        assertThat(progress.lastRoundP50Millis()).isEqualTo(2.0);
        assertThat(progress.lastRoundP99Millis()).isEqualTo(3.0);
    }

    @Test
    void runsExactlyConcurrencyRequestsAtOnceOnDaemonThreadsWithoutTheAppsClassLoader() {
        int concurrency = 4;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch allWorkersBusy = new CountDownLatch(concurrency);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        RequestSender sender = sender((request, call, readTimeout) -> {
            workers.add(Thread.currentThread());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allWorkersBusy.countDown();
            try {
                // The first requests only go on once `concurrency` of them run at the same time.
                allWorkersBusy.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return 204;
        });
        List<WarmupRequest> twenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add(RequestSyntax.parseRequestLine("/item?id=" + i));
        }
        WarmupReport report = run(plan(twenty, concurrency, 2, 0, HOUR), sender, MonotonicClock.SYSTEM,
                new WarmupProgress(MonotonicClock.SYSTEM, true));

        assertThat(report.requests()).isEqualTo(40);
        assertThat(maxInFlight).hasValue(concurrency);
        assertThat(workers).allSatisfy(thread -> {
            assertThat(thread.getName()).startsWith("warmgate-warmup-worker-");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getContextClassLoader()).isNull();
        });
    }

    @Test
    void errorStatusesAndFailedConnectionsAreErrors() {
        RequestSender sender = sender((request, call, readTimeout) -> {
            clock.advance(1, TimeUnit.MILLISECONDS);
            switch (request.target()) {
                case "/b":
                    return 500;
                case "/c":
                    throw new ConnectException("Connection refused");
                default:
                    return 302;
            }
        });
        WarmupProgress progress = new WarmupProgress(clock, true);
        WarmupReport report = run(plan(requests("/a", "/b", "/c"), 1, 1, 0, HOUR), sender, clock, progress);

        assertThat(report.outcome()).isEqualTo(WarmupReport.Outcome.COMPLETED);
        assertThat(report.requests()).isEqualTo(3);
        assertThat(report.errors()).isEqualTo(2);
        assertThat(progress.errors()).isEqualTo(2);
        assertThat(report.problem()).isEqualTo("2 of 3 warm-up requests failed (first error: GET /b: HTTP 500)");
        // Only answers have a latency; a refused connection has none.
        assertThat(report.firstRound().answered()).isEqualTo(2);
        assertThat(report.summary()).endsWith("1 round to port 8080; first round p50 1ms p99 1ms, no later round "
                + "to compare");
    }

    @Test
    void aRoundWithoutAnyAnswerEndsTheWarmUp() {
        AtomicInteger calls = new AtomicInteger();
        RequestSender sender = sender((request, call, readTimeout) -> {
            calls.incrementAndGet();
            throw new ConnectException("Connection refused");
        });
        WarmupReport report = run(plan(requests("/a", "/b"), 2, 5, 0, HOUR), sender, clock,
                new WarmupProgress(clock, true));

        assertThat(report.outcome()).isEqualTo(WarmupReport.Outcome.NO_ANSWER);
        assertThat(calls).hasValue(2);
        assertThat(report.summary()).endsWith("2 requests, 2 errors, 1 round to port 8080; no answer to measure");
        assertThat(report.problem()).startsWith("warm-up gave up: no request of round 1 got an answer from "
                + "127.0.0.1:8080 (first error: GET /").endsWith(": ConnectException: Connection refused); check "
                + "warmup.port and the request paths. The ramp starts anyway");
    }

    @Test
    void theTimeoutStopsWaitingForRequestsThatHang() {
        List<Integer> readTimeouts = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        RequestSender sender = sender((request, call, readTimeout) -> {
            readTimeouts.add(readTimeout);
            try {
                never.await(20, TimeUnit.SECONDS); // a request that hangs; only the timeout can end the warm-up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        WarmupProgress progress = new WarmupProgress(MonotonicClock.SYSTEM, true);
        WarmupReport report = run(plan(requests("/a", "/b", "/c"), 2, 3, 0, TimeUnit.MILLISECONDS.toNanos(300)),
                sender, MonotonicClock.SYSTEM, progress);

        assertThat(report.outcome()).isEqualTo(WarmupReport.Outcome.TIMED_OUT);
        assertThat(report.roundsCompleted()).isZero();
        assertThat(report.requests()).as("requests still in flight are not counted").isZero();
        // A second more than the whole warm-up: a request can only time out once the driver stopped waiting for it.
        assertThat(readTimeouts).isNotEmpty().containsOnly(1300);
        assertThat(report.summary()).contains("(stopped by warmup.timeout)");
        assertThat(report.problem()).isEqualTo("warm-up timed out after 300ms (warmup.timeout) with 0 complete "
                + "rounds; the ramp starts anyway");
    }

    @Test
    void withADurationRoundsRepeatUntilItHasPassed() {
        List<Integer> readTimeouts = new CopyOnWriteArrayList<>();
        RequestSender sender = sender((request, call, readTimeout) -> {
            readTimeouts.add(readTimeout);
            clock.advance(1, TimeUnit.SECONDS);
            return 200;
        });
        WarmupReport report = run(plan(requests("/a"), 1, 1, TimeUnit.SECONDS.toNanos(5), HOUR), sender, clock,
                new WarmupProgress(clock, true));

        // Rounds end at 1 s, 2 s, ... 5 s; at 5 s the duration has passed and no sixth round starts.
        assertThat(report.roundsCompleted()).isEqualTo(5);
        assertThat(report.requests()).isEqualTo(5);
        assertThat(readTimeouts).containsOnly(WarmupDriver.MAX_READ_TIMEOUT_MILLIS);
    }
}
