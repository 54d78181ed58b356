package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WarmupCoordinatorTest {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logBytes, true));
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Thread> finishedOn = new AtomicReference<>();
    private final AtomicInteger finishCalls = new AtomicInteger();

    private WarmupCoordinator coordinator(int configuredPort, String... lines) {
        return coordinator(MonotonicClock.SYSTEM, TimeUnit.SECONDS.toNanos(10), configuredPort, lines);
    }

    private WarmupCoordinator coordinator(MonotonicClock clock, long timeoutNanos, int configuredPort,
                                          String... lines) {
        List<WarmupRequest> requests = new java.util.ArrayList<>();
        for (String line : lines) {
            requests.add(RequestSyntax.parseRequestLine(line));
        }
        WarmupPlan plan = new WarmupPlan(requests, Collections.emptyList(), 1, 2, 0, timeoutNanos, configuredPort);
        return new WarmupCoordinator(plan, log, clock, () -> {
            finishedOn.set(Thread.currentThread());
            finishCalls.incrementAndGet();
            finished.countDown();
        });
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private void awaitFinished() throws InterruptedException {
        assertThat(finished.await(20, TimeUnit.SECONDS)).as("warm-up finished; log:\n%s", log()).isTrue();
    }

    @Test
    void warmsTheDetectedPortOnItsOwnThreadThenReleasesTheGate() throws Exception {
        try (RecordingHttpServer app = RecordingHttpServer.answeringOk()) {
            WarmupCoordinator warmup = coordinator(0, "/api/items?id=1", "HEAD /api/items?id=2");
            assertThat(warmup.progress().state()).isEqualTo(WarmupProgress.State.PENDING);
            warmup.offerPort(-1); // a handler that does not know its port
            warmup.offerPort(app.port());
            warmup.offerPort(1); // only the first port counts
            warmup.onHealthCheckWhileWarming();
            warmup.onHealthCheckWhileWarming();
            awaitFinished();

            assertThat(app.received()).hasSize(4).extracting(RecordingHttpServer.Received::target)
                    .containsOnly("/api/items?id=1", "/api/items?id=2");
            assertThat(finishedOn.get().getName()).isEqualTo("warmgate-warmup");
            assertThat(finishedOn.get().isDaemon()).isTrue();
            assertThat(warmup.progress().state()).isEqualTo(WarmupProgress.State.FINISHED);
            assertThat(warmup.progress().port()).isEqualTo(app.port());
            assertThat(log()).contains("[warmgate] warm-up started: 2 requests per round, 2 rounds, concurrency 1, "
                    + "timeout 10s, to 127.0.0.1:" + app.port() + " (the port of the first health check)")
                    .containsPattern("\\[warmgate] warm-up finished in \\S+: 4 requests, 0 errors, 2 rounds to port "
                            + app.port() + "; first round p50 \\S+ p99 \\S+, last round p50 \\S+ p99 \\S+\n")
                    .doesNotContain("WARN");
        }
    }

    @Test
    void onlyTheExactTokenOfThisWarmUpIsItsOwn() throws Exception {
        try (RecordingHttpServer app = RecordingHttpServer.answeringOk()) {
            WarmupCoordinator warmup = coordinator(app.port(), "/a");
            assertThat(warmup.isOwnRequest("")).isFalse();
            warmup.onHealthCheckWhileWarming();
            awaitFinished();
            String marker = app.received().get(0).header("X-Warmgate-Warmup");
            assertThat(marker).matches("[0-9a-f]{32}");
            assertThat(log()).doesNotContain(marker);
            assertThat(warmup.isOwnRequest(marker)).isTrue();
            assertThat(warmup.isOwnRequest(null)).isFalse();
            assertThat(warmup.isOwnRequest("true")).isFalse();
            assertThat(warmup.isOwnRequest(marker + " ")).isFalse();
            assertThat(coordinator(app.port(), "/a").isOwnRequest(marker)).as("another JVM's token").isFalse();
        }
    }

    @Test
    void theConfiguredPortBeatsTheDetectedOne() throws Exception {
        try (RecordingHttpServer app = RecordingHttpServer.answeringOk()) {
            WarmupCoordinator warmup = coordinator(app.port(), "/configured");
            warmup.offerPort(app.port() == 65535 ? 65534 : app.port() + 1);
            warmup.onHealthCheckWhileWarming();
            awaitFinished();
            assertThat(app.received()).extracting(RecordingHttpServer.Received::target).contains("/configured");
            assertThat(log()).contains("to 127.0.0.1:" + app.port() + " (warmup.port)");
        }
    }

    @Test
    void withoutAPortTheGateIsReleasedWithAWarning() throws Exception {
        WarmupCoordinator warmup = coordinator(0, "/a");
        warmup.onHealthCheckWhileWarming();
        awaitFinished();
        assertThat(warmup.progress().state()).isEqualTo(WarmupProgress.State.FAILED);
        assertThat(log()).contains("[warmgate] WARN warm-up skipped: the application's port is not known (the "
                + "health check did not report its local port); set warmup.port; the ramp starts anyway\n")
                .contains("[warmgate] warm-up finished in 0s: 0 requests, 0 errors, 0 rounds; no answer to measure");
    }

    @Test
    void aWrongPortEndsAfterOneRoundWithAWarning() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPort = socket.getLocalPort();
        }
        WarmupCoordinator warmup = coordinator(closedPort, "/a", "/b");
        warmup.onHealthCheckWhileWarming();
        awaitFinished();
        assertThat(warmup.progress().state()).isEqualTo(WarmupProgress.State.FAILED);
        assertThat(warmup.progress().requests()).isEqualTo(2);
        assertThat(warmup.progress().errors()).isEqualTo(2);
        assertThat(log()).contains("[warmgate] WARN warm-up gave up: no request of round 1 got an answer from "
                + "127.0.0.1:" + closedPort + " (first error: GET /");
    }

    @Test
    void healthChecksEndAHoldThatOverrunsTheTimeout() throws Exception {
        CountDownLatch releaseApp = new CountDownLatch(1);
        try (RecordingHttpServer app = new RecordingHttpServer(request -> {
            try {
                releaseApp.await(20, TimeUnit.SECONDS); // an application that never answers in time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RecordingHttpServer.Answer(200, "late");
        })) {
            ManualClock clock = new ManualClock();
            WarmupCoordinator warmup = coordinator(clock, TimeUnit.SECONDS.toNanos(1), app.port(), "/slow");
            warmup.onHealthCheckWhileWarming();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (app.received().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(app.received()).as("the warm-up is running").isNotEmpty();

            // The warm-up's own timeout runs on the same clock, which only the test moves: only the safety net
            // can end this hold, and only once warmup.timeout plus the grace has passed.
            warmup.onHealthCheckWhileWarming();
            clock.advance(2999, TimeUnit.MILLISECONDS);
            warmup.onHealthCheckWhileWarming();
            assertThat(finishCalls).hasValue(0);
            clock.advance(2, TimeUnit.MILLISECONDS);
            warmup.onHealthCheckWhileWarming();
            assertThat(finishCalls).hasValue(1);
            assertThat(finishedOn.get()).isSameAs(Thread.currentThread());
            assertThat(warmup.progress().state()).isEqualTo(WarmupProgress.State.FAILED);
            assertThat(log()).contains("[warmgate] WARN warm-up still running 3.001s after it started, beyond "
                    + "warmup.timeout (1s); the ramp starts anyway\n");
            warmup.onHealthCheckWhileWarming();
            releaseApp.countDown();
            assertThat(finishCalls).hasValue(1);
        }
    }
}
