package io.warmgate.it.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.BusinessLoad;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard on a real JVM: business traffic runs fast, the sample's business endpoint is made slow on demand
 * ({@code sample.slow-file}), the ramp pauses and its percent stands still; the endpoint is made fast again, the
 * ramp resumes, and the end-of-ramp line reports the pause. Subclasses name the sample, so both timing paths are
 * covered: the servlet advice and a standalone JAX-RS container's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuardHoldsTheRampBehaviour {

    private static final long RAMP_SECONDS = 20;
    private static final Pattern PERCENT = Pattern.compile("percent=([0-9.]+)");

    /** A node with a high bucket: denied for most of the ramp, so its 503s show the ramp's percent. */
    private final String watcher = LoopbackPeers.first(249).stream()
            .filter(peer -> ExpectedRamp.bucket(peer) >= 95).findFirst().orElseThrow();
    private final String health = path("/health");
    private final String items = path("/api/items?id=3");
    private SampleProcess sample;
    private final List<BusinessLoad> loads = new ArrayList<>();
    private String pausedLine;
    private double percentAtPause;
    private double percentThreeSecondsLater;
    private String resumedLine;
    private double percentAfterResume;
    private String finishedLine;
    private AgentLog agentLog;

    @BeforeAll
    void slowThenFast(@TempDir Path dir) throws Exception {
        Path slowFile = dir.resolve("slow-ms");
        Files.writeString(slowFile, "0");
        sample = start(slowFile, "duration=" + RAMP_SECONDS + "s,guard=on,guard.max-extend=40s");
        int port = sample.port();
        Thread checks = healthChecks(port, Duration.ofSeconds(RAMP_SECONDS + 50));
        for (int i = 0; i < 3; i++) {
            loads.add(BusinessLoad.start(PeerClient.toLoopback("127.0.0." + (200 + i), port), items,
                    Duration.ofMillis(20), Duration.ofSeconds(RAMP_SECONDS + 50)));
        }
        TimeUnit.SECONDS.sleep(4); // fast traffic: the instance shows its best

        Files.writeString(slowFile, "250");
        pausedLine = sample.awaitStderr(line -> line.contains("ramp paused"), Duration.ofSeconds(15)).orElse(null);
        percentAtPause = watcherPercent(port);
        TimeUnit.SECONDS.sleep(3);
        percentThreeSecondsLater = watcherPercent(port);

        Files.writeString(slowFile, "0");
        resumedLine = sample.awaitStderr(line -> line.contains("ramp resumed"), Duration.ofSeconds(20)).orElse(null);
        TimeUnit.SECONDS.sleep(2);
        percentAfterResume = watcherPercent(port);
        finishedLine = sample.awaitStderr(line -> line.contains("ramp finished"),
                Duration.ofSeconds(RAMP_SECONDS + 10)).orElse(null);
        checks.interrupt();
        agentLog = new AgentLog(sample.stderrLines());
    }

    /** Forks the sample with the agent, the slow switch set to {@code slowFile}, and these agent arguments. */
    abstract SampleProcess start(Path slowFile, String agentArgs);

    /** A path inside the sample's application. */
    abstract String path(String pathInApp);

    /** A node that checks every 200 ms, as a load balancer does (faster, to keep the test short). */
    private Thread healthChecks(int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Thread thread = new Thread(() -> {
            PeerClient node = PeerClient.toLoopback("127.0.0.2", port);
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    node.get(health);
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (IOException ignored) {
                    // the next check tries again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-checks");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private double watcherPercent(int port) {
        try {
            HttpResult answer = PeerClient.toLoopback(watcher, port).get(health);
            Optional<String> header = answer.header("X-Warmgate");
            Matcher percent = PERCENT.matcher(header.orElse(""));
            return percent.find() ? Double.parseDouble(percent.group(1)) : 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (BusinessLoad load : loads) {
            load.stop();
        }
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void theRampPausesWhileTheInstanceIsSlowWithTheP99AndTheGuardInTheLine() {
        assertThat(pausedLine).as("agent log:\n%s", agentLog).isNotNull()
                .startsWith("[warmgate] ramp paused at ").contains("business p99 ", "guard ", "from the best p99");
    }

    @Test
    void thePercentStandsStillWhilePaused() {
        assertThat(percentAtPause).as("the ramp had started").isGreaterThan(0.0).isLessThan(100.0);
        assertThat(percentThreeSecondsLater - percentAtPause)
                .as("3 s of a %d s ramp would add 15 points", RAMP_SECONDS).isLessThan(1.0);
    }

    @Test
    void theRampResumesWhenTheInstanceIsFastAgain() {
        assertThat(resumedLine).as("agent log:\n%s", agentLog).isNotNull().startsWith("[warmgate] ramp resumed at ");
        assertThat(percentAfterResume).isGreaterThan(percentThreeSecondsLater);
    }

    @Test
    void theEndOfRampLineReportsThePause() {
        assertThat(finishedLine).as("agent log:\n%s", agentLog).isNotNull()
                .contains("of which the guard held it ");
        assertThat(agentLog.containing("WARN the guard held the ramp")).as("bound not reached").isEmpty();
        assertThat(agentLog.errors()).isEmpty();
    }

    @Test
    void businessRequestsWereAnsweredThroughout() {
        for (BusinessLoad load : loads) {
            assertThat(load.results()).isNotEmpty().allSatisfy(result -> assertThat(result.ok()).isTrue());
        }
    }
}
