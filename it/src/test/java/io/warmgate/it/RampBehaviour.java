package io.warmgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentJar;
import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.BucketOrder;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.RecordedRamp;
import io.warmgate.it.support.Recording;
import io.warmgate.it.support.TimingReport;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ramp as load-balancer nodes see it, against one sample with the agent attached: the same promises for
 * every framework.
 *
 * <p>One sample JVM and one ramp per class: {@link #runOneRamp()} plays 16 LB nodes through the whole window
 * and records every answer; each test then checks one promise of the design against that recording. The
 * subclasses answer a few hooks: how to start the sample, which paths it has (the one every node polls, other
 * gated ones, never-gated ones, unhealthy ones) and what the application's own answers look like, since for
 * example Spring Boot Actuator answers JSON where the servlet samples answer {@code UP}.
 *
 * <p>Timing model (see {@link RecordedRamp}): the ramp start S lies in [C, F]. A peer with bucket b turns healthy
 * t_b = duration * (b/100)^aggression after S. Hence an allowed answer can only arrive after C + t_b, and a denied
 * answer can only have been sent before F + t_b. Both bounds are exact; the only slack is
 * {@link #ROUNDING_SLACK_NANOS} for the rounding in the agent's and the oracle's arithmetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RampBehaviour {

    static final Duration RAMP = Duration.ofSeconds(5);
    static final int PEER_COUNT = 16;
    static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * How late a peer may first be seen healthy beyond its turn, on top of one poll interval. On a 2-core box
     * running Maven, this test JVM (17 polling threads) and the sample, a health check can wait for a CPU for
     * a few scheduler slices and for the odd GC or JIT pause in either JVM; 400 ms covers that with margin
     * while still catching a ramp that is off by a whole step (with 16 peers over 5 s, ~300 ms apart).
     */
    static final long LATE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final List<String> peers = LoopbackPeers.first(PEER_COUNT);
    private ExpectedRamp oracle;
    @AutoClose
    private SampleProcess sample;
    private Recording appPortEarly;
    private RecordedRamp ramp;

    // --- hooks: what the subclass says about its sample --------------------------------------------------

    /** Names the sample's log file and the timing report. */
    protected abstract String label();

    /** Forks the sample with the agent and these agent arguments, and waits until it listens. */
    protected abstract SampleProcess startSample(String agentArgs);

    /** The ramp's shape: 1 is linear, above 1 lets more traffic in early. */
    protected double aggression() {
        return 1.0;
    }

    /** The port the load balancer checks: the application's, or a separate management server's. */
    protected int healthPort(SampleProcess started) {
        return started.port();
    }

    /** The health check every simulated node polls. */
    protected abstract String probedPath();

    /** More health paths on the health port, checked alongside: gated just like the probed one. */
    protected List<String> otherGatedPaths() {
        return List.of();
    }

    /** Paths on the health port that are never gated (liveness, business endpoints). */
    protected abstract List<UngatedPath> ungatedPaths();

    /**
     * Paths on the application's port, requested once by every node right after the ramp started (when most
     * nodes are denied), for samples whose health port is a separate management port.
     */
    protected List<UngatedPath> ungatedAppPortPaths() {
        return List.of();
    }

    /** Health paths whose application says "unhealthy": nobody may ever see them healthy. */
    protected List<String> unhealthyPaths() {
        return List.of();
    }

    /** Checks the application's own healthy answer on a gated path. */
    protected abstract void assertAppHealthy(String path, HttpResult result);

    /** Checks the application's own unhealthy answer on one of {@link #unhealthyPaths()}. */
    protected void assertAppUnhealthy(String path, HttpResult result) {
        throw new UnsupportedOperationException("no unhealthy paths in " + label());
    }

    /** Each must match at least one "health handler found" line of the agent's log. */
    protected abstract List<Condition<String>> expectedHandlerLines();

    /** A "health handler found" line that names {@code handler}, e.g. {@code spring-mvc com.acme.Health#up}. */
    protected static Condition<String> handlerLineWith(String handler) {
        String text = "health handler found: " + handler;
        return new Condition<>(line -> line.contains(text), "containing \"%s\"", text);
    }

    /** A "health handler found" line that ends with {@code path}, the path it gates. */
    protected static Condition<String> handlerLineForPath(String path) {
        return new Condition<>(line -> line.endsWith(" " + path), "ending with \" %s\"", path);
    }

    // --- one recorded ramp ------------------------------------------------------------------------------

    @BeforeAll
    void runOneRamp() {
        oracle = new ExpectedRamp(RAMP, aggression());
        sample = startSample("duration=" + RAMP.toSeconds() + "s"
                + (aggression() == 1.0 ? "" : ",aggression=" + aggression()));
        int port = healthPort(sample);

        // The application port's paths are warmed too: the pass over them below must be quick, or it would delay
        // the polling that follows it.
        RecordedRamp.warmUp(port, pathsOf(ungatedPaths()));
        RecordedRamp.warmUp(sample.port(), pathsOf(ungatedAppPortPaths()));

        RecordedRamp.Plan plan = new RecordedRamp.Plan(port, peers, probedPath(), RAMP,
                BucketOrder.highAndLowInTurn(peers),
                concat(otherGatedPaths(), pathsOf(ungatedPaths()), unhealthyPaths()),
                concat(gatedPaths(), pathsOf(ungatedPaths()), unhealthyPaths()));
        ramp = plan.record(sample,
                () -> appPortEarly = RampProbe.onePass(sample.port(), peers, pathsOf(ungatedAppPortPaths())));
    }

    /** The agent's lines from the sample's stderr, for a subclass's framework-specific checks. */
    protected final AgentLog agentLog() {
        return ramp.agentLog();
    }

    // --- the promises -----------------------------------------------------------------------------------

    @Test
    void everyRequestGotAnHttpAnswer() {
        assertThat(ramp.duringRamp().failures()).as("requests without an answer").isEmpty();
        assertThat(ramp.afterWindow().failures()).as("requests without an answer").isEmpty();
        assertThat(appPortEarly.failures()).as("requests without an answer").isEmpty();
        assertThat(checks()).as("health checks during the ramp").hasSizeGreaterThan(PEER_COUNT * 10);
    }

    @Test
    void noPeerIsAllowedBeforeItsTurn() {
        List<String> violations = new ArrayList<>();
        for (Observation answer : checks()) {
            long earliest = ramp.firstSent() + oracle.allowedAfterNanos(answer.peer()) - ROUNDING_SLACK_NANOS;
            if (answer.passedTheGate() && answer.receivedNanos() < earliest) {
                violations.add(String.format(Locale.ROOT, "%s allowed %.1f ms before its turn (t_b %.1f ms)",
                        answer.peer(), millis(earliest - answer.receivedNanos()),
                        millis(oracle.allowedAfterNanos(answer.peer()))));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noPeerIsDeniedAfterItsTurn() {
        List<String> violations = new ArrayList<>();
        for (Observation answer : checks()) {
            long latest = ramp.firstReceived() + oracle.allowedAfterNanos(answer.peer()) + ROUNDING_SLACK_NANOS;
            if (answer.deniedByWarmgate() && answer.sentNanos() >= latest) {
                violations.add(String.format(Locale.ROOT, "%s denied %.1f ms after its turn (t_b %.1f ms)",
                        answer.peer(), millis(answer.sentNanos() - latest),
                        millis(oracle.allowedAfterNanos(answer.peer()))));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPeerTurnsHealthyWithinAPollOfItsTurn() {
        long poll = RecordedRamp.POLL_INTERVAL.toMillis();
        TimingReport report = TimingReport.of(String.format(Locale.ROOT,
                        "%s on %s: ramp %s, aggression %s, %d peers polling %s every %d ms;"
                                + " first check took %.1f ms (F - C)",
                        label(), ItEnvironment.javaHome(), RAMP, aggression(), PEER_COUNT, probedPath(), poll,
                        millis(ramp.firstReceived() - ramp.firstSent())),
                peers, oracle, ramp.duringRamp(), probedPath(), ramp.firstSent());
        report.publish(ItEnvironment.logDirectory().resolve(label() + "-timing.txt"));

        assertThat(report.rows()).allSatisfy(row ->
                assertThat(row.firstAllowedMillis()).as("first allowed answer of %s", row.peer()).isPresent());
        // The ramp started somewhere in [C, F], so a peer can legitimately look (F - C) late on top of waiting
        // up to one poll interval for its next check.
        double bound = millis(ramp.firstReceived() - ramp.firstSent()) + poll + millis(LATE_SLACK_NANOS);
        assertThat(report.maxDeviationMillis()).as("worst lateness in ms\n%s", report.table()).isLessThan(bound);
    }

    @Test
    void onceAllowedAPeerIsNeverDeniedAgain() {
        for (String peer : peers) {
            List<Observation> checks = ramp.duringRamp().answers(peer, probedPath());
            Optional<Observation> firstAllowed = checks.stream().filter(Observation::passedTheGate).findFirst();
            assertThat(checks.stream()
                    .filter(answer -> firstAllowed.isPresent()
                            && answer.sentNanos() > firstAllowed.get().receivedNanos())
                    .filter(Observation::deniedByWarmgate))
                    .as("denials of %s after it was allowed", peer).isEmpty();
        }
        for (String peer : peers) {
            List<AgentLog.PeerLine> changes = agentLog().peerLines().stream()
                    .filter(line -> line.peer().equals(peer)).toList();
            boolean allowed = false;
            for (AgentLog.PeerLine change : changes) {
                assertThat(allowed && !change.allowed()).as("agent log flip-flop for %s: %s", peer, changes)
                        .isFalse();
                allowed |= change.allowed();
            }
        }
    }

    @Test
    void theRampIsGradual() {
        // Guards the timing tests against passing vacuously, e.g. if the gate let everybody in or nobody.
        long firstAllowedArrival = checks().stream().filter(Observation::passedTheGate)
                .mapToLong(Observation::receivedNanos).min().orElseThrow();
        long lastDenialSent = checks().stream().filter(Observation::deniedByWarmgate)
                .mapToLong(Observation::sentNanos).max().orElseThrow();
        assertThat(firstAllowedArrival).as("some peer healthy while another was still denied")
                .isLessThan(lastDenialSent);
        String highest = BucketOrder.highest(peers);
        assertThat(ramp.duringRamp().answers(highest, probedPath()))
                .as("answers to the highest bucket, %s", highest).anyMatch(Observation::deniedByWarmgate);
    }

    @Test
    void answersThatPassTheGateAreExactlyTheApps() {
        assertThat(checks().stream().filter(Observation::passedTheGate))
                .as("health checks that passed the gate").isNotEmpty();
        for (String path : gatedPaths()) {
            assertThat(ramp.duringRamp().answers(path).stream().filter(Observation::passedTheGate))
                    .allSatisfy(answer -> assertAppHealthy(path, answer.result()));
        }
    }

    @Test
    void afterTheWindowEveryPeerGetsTheAppsOwnHealthyAnswer() {
        long open = ramp.firstReceived() + RAMP.toNanos() + ROUNDING_SLACK_NANOS;
        for (String peer : peers) {
            List<Observation> late = ramp.duringRamp().answers(peer, probedPath()).stream()
                    .filter(answer -> answer.sentNanos() >= open).toList();
            assertThat(late).as("health checks of %s after the window", peer).isNotEmpty()
                    .allSatisfy(answer -> assertAppHealthy(probedPath(), answer.result()));
        }
        for (String path : gatedPaths()) {
            assertThat(ramp.afterWindow().answers(path)).as("answers on %s after the window", path)
                    .hasSize(PEER_COUNT).allSatisfy(answer -> assertAppHealthy(path, answer.result()));
        }
    }

    @Test
    void everyGatedPathIsGatedWithWellFormedDenialsCarryingTheOraclesBucket() {
        for (String path : gatedPaths()) {
            assertThat(ramp.duringRamp().answers(path)).as("answers on %s", path)
                    .anyMatch(Observation::deniedByWarmgate);
        }
        List<Observation> denials = new ArrayList<>();
        for (String path : concat(gatedPaths(), unhealthyPaths())) {
            denials.addAll(ramp.duringRamp().answers(path));
        }
        denials.removeIf(answer -> !answer.deniedByWarmgate());
        for (Observation denial : denials) {
            WarmgateHeader header = Answers.assertDeniedWithTheOraclesBucket(denial);
            // The agent decided between sending and receiving, i.e. between (sent - F) and (received - C) into
            // its ramp; the header shows percent with one decimal, hence the extra 0.05.
            double lowest = oracle.percentAt(denial.sentNanos() - ramp.firstReceived() - ROUNDING_SLACK_NANOS) - 0.05;
            double highest = oracle.percentAt(denial.receivedNanos() - ramp.firstSent() + ROUNDING_SLACK_NANOS) + 0.05;
            assertThat(header.percent()).as("percent in %s", denial).isBetween(lowest, highest)
                    .isLessThanOrEqualTo(header.bucket());
        }
    }

    /**
     * Every answer on a never-gated path is the application's own 200, during the ramp and after it, and at
     * least one of them went to a peer that was denied at that moment: a health check sent after the answer
     * arrived was still denied, and allowed never turns back into denied.
     */
    @Test
    void livenessBusinessAndStatusEndpointsAreNeverGated() {
        for (UngatedPath ungated : ungatedPaths()) {
            List<Observation> answers = ramp.duringRamp().answers(ungated.path());
            assertThat(answers).as("answers on %s", ungated.path()).isNotEmpty()
                    .allSatisfy(answer -> assertUntouched(ungated, answer))
                    .anyMatch(answer -> deniedAfter(answer.peer(), answer.receivedNanos()));
            assertThat(ramp.afterWindow().answers(ungated.path()))
                    .as("answers on %s after the window", ungated.path()).hasSize(PEER_COUNT)
                    .allSatisfy(answer -> assertUntouched(ungated, answer));
        }
        for (UngatedPath ungated : ungatedAppPortPaths()) {
            assertThat(appPortEarly.answers(ungated.path()))
                    .as("answers on the application port's %s", ungated.path()).hasSize(PEER_COUNT)
                    .allSatisfy(answer -> assertUntouched(ungated, answer))
                    .anyMatch(answer -> deniedAfter(answer.peer(), answer.receivedNanos()));
        }
    }

    /**
     * For samples with {@link #unhealthyPaths()}: nobody ever sees them healthy, and the application's own
     * unhealthy answer reaches everyone the gate lets through, during the ramp and after it. Subclasses whose
     * sample has such a path declare the test that calls this.
     */
    protected final void assertAnUnhealthyAppStaysUnhealthyForEveryone() {
        assertThat(unhealthyPaths()).as("unhealthy health endpoints of %s", label()).isNotEmpty();
        for (String path : unhealthyPaths()) {
            List<Observation> answers = new ArrayList<>(ramp.duringRamp().answers(path));
            answers.addAll(ramp.afterWindow().answers(path));
            assertThat(answers).as("answers on %s", path).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));
            assertThat(answers.stream().filter(Observation::passedTheGate))
                    .as("answers on %s that passed the gate", path).isNotEmpty()
                    .allSatisfy(answer -> assertAppUnhealthy(path, answer.result()));
            // A peer that is already allowed gets the app's own unhealthy answer, during the ramp and after it.
            assertThat(ramp.duringRamp().answers(path).stream()
                    .filter(answer -> ramp.allowedBefore(answer.peer(), probedPath(), answer.sentNanos())))
                    .as("checks of %s from peers already allowed", path).isNotEmpty()
                    .allSatisfy(answer -> assertAppUnhealthy(path, answer.result()));
            assertThat(ramp.afterWindow().answers(path)).as("answers on %s after the window", path)
                    .hasSize(PEER_COUNT).allSatisfy(answer -> assertAppUnhealthy(path, answer.result()));
        }
    }

    @Test
    void agentLogsWhatItFoundAndEveryPeerDecisionWithoutErrors() {
        AgentLog log = agentLog();
        assertThat(log.errors()).as("agent errors in\n%s", log).isEmpty();
        assertThat(log.lines()).as("startup line").anyMatch(line -> line.contains("warmgate")
                && line.contains(AgentJar.version()));
        List<String> found = log.containing("health handler found: ");
        for (Condition<String> expected : expectedHandlerLines()) {
            assertThat(found).as("agent log\n%s", log).haveAtLeastOne(expected);
        }
        assertThat(log.startingWith("ramp started")).as("agent log\n%s", log).hasSize(1);
        assertThat(log.startingWith("ramp finished")).as("agent log\n%s", log).hasSize(1);

        List<AgentLog.PeerLine> ours = log.peerLines().stream().filter(line -> peers.contains(line.peer())).toList();
        assertThat(ours).anyMatch(AgentLog.PeerLine::allowed);
        for (AgentLog.PeerLine line : ours) {
            assertThat(line.hash()).as(line.line()).isEqualTo(ExpectedRamp.absoluteHash(line.peer()));
            assertThat(line.bucket()).as(line.line()).isEqualTo(ExpectedRamp.bucket(line.peer()));
            if (line.allowed()) {
                assertThat(line.percent()).as(line.line()).isGreaterThanOrEqualTo(line.bucket() - 0.05);
            } else {
                assertThat(line.percent()).as(line.line()).isLessThanOrEqualTo(line.bucket() + 0.05);
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private List<Observation> checks() {
        return ramp.duringRamp().answers(probedPath());
    }

    private List<String> gatedPaths() {
        return concat(List.of(probedPath()), otherGatedPaths());
    }

    private boolean deniedAfter(String peer, long nanos) {
        return ramp.deniedAfter(peer, probedPath(), nanos);
    }

    private static void assertUntouched(UngatedPath ungated, Observation answer) {
        assertThat(answer.result().status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.result().body()).as("%s", answer).startsWith(ungated.bodyStart());
        Answers.assertNotTouchedByWarmgate(answer.result());
    }

    private static List<String> pathsOf(List<UngatedPath> ungated) {
        return ungated.stream().map(UngatedPath::path).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
