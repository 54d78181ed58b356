package io.warmgate.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentJar;
import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.it.support.TimingReport;
import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.LoopbackPeers;
import io.warmgate.lbsim.SampleProcess;
import io.warmgate.lbsim.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ramp as load-balancer nodes see it, against one Spring Boot sample (a runnable fat jar) with the agent.
 *
 * <p>The same promises and the same timing model as the servlet samples' tests (see {@code ServletRampBehaviour}
 * in the parent package): C is the client clock just before the first health check, F when its answer arrived,
 * the ramp start S lies in [C, F]; a peer with bucket b may be allowed from S + t_b on and must be allowed from
 * then on. One sample JVM and one recorded ramp per class; every test checks one promise against the recording.
 *
 * <p>Subclasses say which sample, which path every node polls (the load balancer's health check), which other
 * paths must be gated too, which must never be (liveness, business) and what the application's own answers look
 * like, since Actuator answers JSON where the MVC sample answers {@code UP}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringRampBehaviour {

    static final Duration RAMP = Duration.ofSeconds(5);
    static final int PEER_COUNT = 16;
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    static final Duration SIDE_INTERVAL = Duration.ofMillis(50);
    static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Lateness allowed on top of one poll interval and (F - C). As for the servlet samples: on a 2-core box
     * running Maven, the polling JVM and the sample, a check can wait a few scheduler slices plus the odd GC
     * or JIT pause in either JVM. 400 ms still catches a ramp off by a whole step (~300 ms apart here).
     */
    static final long LATE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final List<String> peers = LoopbackPeers.first(PEER_COUNT);
    private final ExpectedRamp oracle = new ExpectedRamp(RAMP, 1.0);
    private SampleProcess sample;
    private long firstSent;     // C
    private long firstReceived; // F
    private Recording duringRamp;
    private Recording appPortEarly;
    private Recording afterWindow;
    private AgentLog agentLog;

    // --- what the subclass says about its sample ---------------------------------------------------------

    /** Names the sample's log file and the timing report. */
    abstract String label();

    abstract SampleProcess startSample(String agentArgs);

    /** The port the load balancer checks: the application's, or a separate management server's. */
    int healthPort(SampleProcess started) {
        return started.port();
    }

    /** The health check every simulated node polls. */
    abstract String probedPath();

    /** More health paths on the health port, checked alongside: gated just like the probed one. */
    abstract List<String> otherGatedPaths();

    /** Paths on the health port that are never gated (liveness, business endpoints). */
    abstract List<String> ungatedPaths();

    /**
     * Paths on the application's port, requested once by every node right after the ramp started (when most
     * nodes are denied), for samples whose health port is a separate management port.
     */
    List<String> ungatedAppPortPaths() {
        return List.of();
    }

    /** Health paths whose application says "unhealthy": nobody may ever see them healthy. */
    List<String> unhealthyPaths() {
        return List.of();
    }

    /** Checks the application's own healthy answer on a gated path. */
    abstract void assertAppHealthy(String path, HttpResult result);

    /** Checks the application's own unhealthy answer on one of {@link #unhealthyPaths()}. */
    void assertAppUnhealthy(String path, HttpResult result) {
        throw new UnsupportedOperationException("no unhealthy paths in " + label());
    }

    /** What must follow "health handler found: " in the agent's log (detection and first checks). */
    abstract List<String> expectedHandlerLines();

    // --- one recorded ramp ------------------------------------------------------------------------------

    @BeforeAll
    void runOneRamp() {
        sample = startSample("duration=" + RAMP.toSeconds() + "s");
        int port = healthPort(sample);

        // Spring initialises its DispatcherServlet on the first request; do that with never-gated paths from
        // 127.0.0.1 (not a simulated node), so the first health check, whose round trip bounds S, is quick.
        // The application port's paths are warmed too: the pass over them below must be quick, or it would delay
        // the polling that follows it.
        for (int i = 0; i < 3; i++) {
            for (String path : ungatedPaths()) {
                assertThat(RampProbe.once(port, "127.0.0.1", path).answered()).isTrue();
            }
            for (String path : ungatedAppPortPaths()) {
                assertThat(RampProbe.once(sample.port(), "127.0.0.1", path).answered()).isTrue();
            }
        }

        Observation first = RampProbe.once(port, peers.get(0), probedPath());
        assertThat(first.answered()).as("first health check: %s", first).isTrue();
        firstSent = first.sentNanos();
        firstReceived = first.receivedNanos();

        appPortEarly = RampProbe.onePass(sample.port(), peers, ungatedAppPortPaths());
        List<String> highestBucketFirst = peers.stream()
                .sorted(Comparator.comparingInt(ExpectedRamp::bucket).reversed()).toList();
        List<String> sidePaths = Stream.of(otherGatedPaths(), ungatedPaths(), unhealthyPaths())
                .flatMap(List::stream).toList();
        duringRamp = RampProbe.against(port)
                .pollEachPeer(peers, probedPath(), POLL_INTERVAL)
                .cycleThrough(highestBucketFirst, sidePaths, SIDE_INTERVAL)
                .runUntil(firstReceived + RAMP.toNanos() + TimeUnit.SECONDS.toNanos(1))
                .plus(List.of(first));
        afterWindow = RampProbe.onePass(port, peers, Stream.of(List.of(probedPath()), otherGatedPaths(),
                ungatedPaths(), unhealthyPaths()).flatMap(List::stream).toList());

        sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @AfterAll
    void stopSample() {
        if (sample != null) {
            sample.close();
        }
    }

    // --- the promises -----------------------------------------------------------------------------------

    @Test
    void everyRequestGotAnHttpAnswer() {
        assertThat(duringRamp.failures()).as("requests without an answer").isEmpty();
        assertThat(afterWindow.failures()).as("requests without an answer").isEmpty();
        assertThat(appPortEarly.failures()).as("requests without an answer").isEmpty();
        assertThat(duringRamp.answers(probedPath())).as("health checks during the ramp")
                .hasSizeGreaterThan(PEER_COUNT * 10);
    }

    @Test
    void noPeerIsAllowedBeforeItsTurn() {
        List<String> violations = new ArrayList<>();
        for (Observation answer : duringRamp.answers(probedPath())) {
            long earliest = firstSent + oracle.allowedAfterNanos(answer.peer()) - ROUNDING_SLACK_NANOS;
            if (answer.passedTheGate() && answer.receivedNanos() < earliest) {
                violations.add(String.format(Locale.ROOT, "%s allowed %.1f ms before its turn", answer.peer(),
                        millis(earliest - answer.receivedNanos())));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noPeerIsDeniedAfterItsTurn() {
        List<String> violations = new ArrayList<>();
        for (Observation answer : duringRamp.answers(probedPath())) {
            long latest = firstReceived + oracle.allowedAfterNanos(answer.peer()) + ROUNDING_SLACK_NANOS;
            if (answer.deniedByWarmgate() && answer.sentNanos() >= latest) {
                violations.add(String.format(Locale.ROOT, "%s denied %.1f ms after its turn", answer.peer(),
                        millis(answer.sentNanos() - latest)));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPeerTurnsHealthyWithinAPollOfItsTurn() {
        TimingReport report = TimingReport.of(String.format(Locale.ROOT,
                        "%s on %s: ramp %s, %d peers polling %s every %d ms; first check took %.1f ms (F - C)",
                        label(), ItEnvironment.javaHome(), RAMP, PEER_COUNT, probedPath(), POLL_INTERVAL.toMillis(),
                        millis(firstReceived - firstSent)),
                peers, oracle, duringRamp, probedPath(), firstSent);
        report.publish(ItEnvironment.logDirectory().resolve(label() + "-timing.txt"));

        assertThat(report.rows()).allSatisfy(row ->
                assertThat(row.firstAllowedMillis()).as("first allowed answer of %s", row.peer()).isPresent());
        double bound = millis(firstReceived - firstSent) + POLL_INTERVAL.toMillis() + millis(LATE_SLACK_NANOS);
        assertThat(report.maxDeviationMillis()).as("worst lateness in ms\n%s", report.table()).isLessThan(bound);
    }

    @Test
    void onceAllowedAPeerIsNeverDeniedAgain() {
        for (String peer : peers) {
            List<Observation> checks = duringRamp.answers(peer, probedPath());
            Optional<Observation> firstAllowed = checks.stream().filter(Observation::passedTheGate).findFirst();
            assertThat(checks.stream()
                    .filter(answer -> firstAllowed.isPresent()
                            && answer.sentNanos() > firstAllowed.get().receivedNanos())
                    .filter(Observation::deniedByWarmgate))
                    .as("denials of %s after it was allowed", peer).isEmpty();
        }
    }

    @Test
    void theRampIsGradual() {
        List<Observation> checks = duringRamp.answers(probedPath());
        long firstAllowedArrival = checks.stream().filter(Observation::passedTheGate)
                .mapToLong(Observation::receivedNanos).min().orElseThrow();
        long lastDenialSent = checks.stream().filter(Observation::deniedByWarmgate)
                .mapToLong(Observation::sentNanos).max().orElseThrow();
        assertThat(firstAllowedArrival).as("some peer healthy while another was still denied")
                .isLessThan(lastDenialSent);
    }

    @Test
    void answersThatPassTheGateAreExactlyTheApps() {
        assertThat(duringRamp.answers(probedPath()).stream().filter(Observation::passedTheGate))
                .as("health checks that passed the gate").isNotEmpty();
        for (String path : gatedPaths()) {
            assertThat(duringRamp.answers(path).stream().filter(Observation::passedTheGate))
                    .allSatisfy(answer -> assertAppHealthy(path, answer.result()));
        }
    }

    @Test
    void everyGatedPathIsGatedAndDenialsCarryTheOraclesBucket() {
        for (String path : gatedPaths()) {
            List<Observation> denials = duringRamp.answers(path).stream()
                    .filter(Observation::deniedByWarmgate).toList();
            assertThat(denials).as("denials on %s", path).isNotEmpty();
            for (Observation denial : denials) {
                WarmgateHeader header = Answers.assertDeniedByWarmgate(denial.result());
                assertThat(header.bucket()).as("bucket in %s", denial).isEqualTo(ExpectedRamp.bucket(denial.peer()));
            }
        }
    }

    @Test
    void afterTheWindowEveryPeerGetsTheAppsOwnHealthyAnswer() {
        for (String path : gatedPaths()) {
            assertThat(afterWindow.answers(path)).as("answers on %s after the window", path).hasSize(PEER_COUNT)
                    .allSatisfy(answer -> assertAppHealthy(path, answer.result()));
        }
    }

    @Test
    void livenessAndBusinessEndpointsAreNeverGated() {
        for (String path : ungatedPaths()) {
            List<Observation> answers = duringRamp.answers(path);
            assertThat(answers).as("answers on %s", path).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.result().status()).as("%s", answer).isEqualTo(200);
                Answers.assertNotTouchedByWarmgate(answer.result());
            });
            assertThat(answers).as("answers on %s to peers denied at the time", path)
                    .anyMatch(answer -> deniedAfter(answer.peer(), answer.receivedNanos()));
        }
        for (String path : ungatedAppPortPaths()) {
            List<Observation> answers = appPortEarly.answers(path);
            assertThat(answers).as("answers on the application port's %s", path).hasSize(PEER_COUNT)
                    .allSatisfy(answer -> {
                        assertThat(answer.result().status()).as("%s", answer).isEqualTo(200);
                        Answers.assertNotTouchedByWarmgate(answer.result());
                    })
                    .anyMatch(answer -> deniedAfter(answer.peer(), answer.receivedNanos()));
        }
    }

    /**
     * For samples with {@link #unhealthyPaths()}: their own unhealthy answer reaches everyone the gate lets through.
     * (The Boot 3 samples report themselves unhealthy in their own JVMs: {@code SpringBoot3DownIT} and
     * {@code SpringBoot3OutOfServiceIT}.)
     */
    final void assertAnUnhealthyAppStaysUnhealthyForEveryone() {
        assertThat(unhealthyPaths()).as("unhealthy health endpoints of this sample").isNotEmpty();
        for (String path : unhealthyPaths()) {
            List<Observation> answers = new ArrayList<>(duringRamp.answers(path));
            answers.addAll(afterWindow.answers(path));
            assertThat(answers).as("answers on %s", path).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));
            assertThat(answers.stream().filter(Observation::passedTheGate))
                    .as("answers on %s that passed the gate", path).isNotEmpty()
                    .allSatisfy(answer -> assertAppUnhealthy(path, answer.result()));
        }
    }

    @Test
    void agentLogsWhatItFoundAndEveryPeerDecisionWithoutErrors() {
        assertThat(agentLog.errors()).as("agent errors in\n%s", agentLog).isEmpty();
        assertThat(agentLog.lines()).as("startup line").anyMatch(line -> line.contains(AgentJar.version()));
        List<String> found = agentLog.containing("health handler found: ");
        for (String expected : expectedHandlerLines()) {
            assertThat(found).as("agent log\n%s", agentLog)
                    .anyMatch(line -> line.contains("health handler found: " + expected));
        }
        assertThat(agentLog.containing("[warmgate] ramp started")).hasSize(1);
        assertThat(agentLog.containing("[warmgate] ramp finished")).hasSize(1);
        for (AgentLog.PeerLine line : agentLog.peerLines()) {
            if (peers.contains(line.peer())) {
                assertThat(line.bucket()).as(line.line()).isEqualTo(ExpectedRamp.bucket(line.peer()));
            }
        }
    }

    private List<String> gatedPaths() {
        return Stream.concat(Stream.of(probedPath()), otherGatedPaths().stream()).toList();
    }

    /** True when a health check from {@code peer} sent after {@code nanos} was still denied. */
    private boolean deniedAfter(String peer, long nanos) {
        return duringRamp.answers(peer, probedPath()).stream()
                .anyMatch(check -> check.deniedByWarmgate() && check.sentNanos() > nanos);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
