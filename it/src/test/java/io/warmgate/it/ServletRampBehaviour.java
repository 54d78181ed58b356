package io.warmgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentJar;
import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.RampTarget;
import io.warmgate.it.support.Recording;
import io.warmgate.it.support.TimingReport;
import io.warmgate.lbsim.LoopbackPeers;
import io.warmgate.lbsim.SampleKind;
import io.warmgate.lbsim.SampleProcess;
import io.warmgate.lbsim.WarmgateHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ramp as load-balancer nodes see it, against one servlet sample with the agent attached.
 *
 * <p>One sample JVM and one ramp per class: {@link #runOneRamp()} plays 16 LB nodes through the whole window
 * and records every answer; each test then checks one promise of the design against that recording. The
 * subclasses only choose the sample (and the ramp shape): a servlet sample, or any other {@link RampTarget}
 * with the same endpoints (the JAX-RS samples, for example).
 *
 * <p>Timing model. C is the client clock just before the first health check is sent, F the moment its answer
 * arrived. The agent starts its ramp while handling that request, so its start S lies in [C, F]. A peer with
 * bucket b turns healthy t_b = duration * (b/100)^aggression after S. Hence an allowed answer can only arrive
 * after C + t_b, and a denied answer can only have been sent before F + t_b. Both bounds are exact; the only
 * slack is {@link #ROUNDING_SLACK_NANOS} for the rounding in the agent's and the oracle's arithmetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServletRampBehaviour {

    static final Duration RAMP = Duration.ofSeconds(5);
    static final int PEER_COUNT = 16;
    /** How often every LB node health-checks, like a fast real checker. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** Spacing of the extra requests (business, liveness, status, sick health) sent alongside the checks. */
    static final Duration SIDE_INTERVAL = Duration.ofMillis(50);
    static final long ROUNDING_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * How late a peer may first be seen healthy beyond its turn, on top of one poll interval. On a 2-core box
     * running Maven, this test JVM (17 polling threads) and the sample, a health check can wait for a CPU for
     * a few scheduler slices and for the odd GC or JIT pause in either JVM; 400 ms covers that with margin
     * while still catching a ramp that is off by a whole step (with 16 peers over 5 s, ~300 ms apart).
     */
    static final long LATE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final RampTarget target;
    private final double aggression;

    private final List<String> peers = LoopbackPeers.first(PEER_COUNT);
    private ExpectedRamp oracle;
    private SampleProcess sample;
    private long firstSent;     // C
    private long firstReceived; // F
    private Recording duringRamp;
    private Recording afterWindow;
    private AgentLog agentLog;

    ServletRampBehaviour(SampleKind kind, double aggression) {
        this(RampTarget.of(kind), aggression);
    }

    protected ServletRampBehaviour(RampTarget target, double aggression) {
        this.target = target;
        this.aggression = aggression;
    }

    private String health() {
        return target.path("/health");
    }

    private String sick() {
        return target.path("/sick/health");
    }

    private String livez() {
        return target.path("/livez");
    }

    private String status() {
        return target.path("/status");
    }

    private String items() {
        return target.path("/api/items?id=7");
    }

    private String name() {
        return target.label() + "-ramp";
    }

    @BeforeAll
    void runOneRamp() {
        oracle = new ExpectedRamp(RAMP, aggression);
        String agentArgs = "duration=" + RAMP.toSeconds() + "s"
                + (aggression == 1.0 ? "" : ",aggression=" + aggression);
        sample = target.startWithAgent(name(), agentArgs);
        int port = sample.port();

        // Warm the connector with paths that are never gated, so the first health check (whose round trip
        // bounds the ramp start) is quick. From 127.0.0.1, which is not one of the simulated nodes.
        for (int i = 0; i < 3; i++) {
            assertThat(RampProbe.once(port, "127.0.0.1", livez()).answered()).isTrue();
            assertThat(RampProbe.once(port, "127.0.0.1", status()).answered()).isTrue();
        }

        Observation first = RampProbe.once(port, peers.get(0), health());
        assertThat(first.answered()).as("first health check: %s", first).isTrue();
        firstSent = first.sentNanos();
        firstReceived = first.receivedNanos();

        duringRamp = RampProbe.against(port)
                .pollEachPeer(peers, health(), POLL_INTERVAL)
                .cycleThrough(highAndLowBucketsInTurn(), List.of(items(), livez(), status(), sick()), SIDE_INTERVAL)
                .runUntil(firstReceived + RAMP.toNanos() + TimeUnit.SECONDS.toNanos(1))
                .plus(List.of(first));
        afterWindow = RampProbe.onePass(port, peers, List.of(health(), sick(), status()));

        // The agent logs the end of the ramp when the first check after the window arrives.
        sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    /** The agent's lines from the sample's stderr, for a subclass's framework-specific checks. */
    protected final AgentLog agentLog() {
        return agentLog;
    }

    @AfterAll
    void stopSample() {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void everyRequestGotAnHttpAnswer() {
        assertThat(duringRamp.failures()).as("requests without an answer").isEmpty();
        assertThat(afterWindow.failures()).as("requests without an answer").isEmpty();
        assertThat(duringRamp.answers(health())).as("health checks during the ramp").hasSizeGreaterThan(
                PEER_COUNT * 10);
    }

    @Test
    void noPeerIsAllowedBeforeItsTurn() {
        List<String> violations = new ArrayList<>();
        for (Observation answer : duringRamp.answers(health())) {
            long earliest = firstSent + oracle.allowedAfterNanos(answer.peer()) - ROUNDING_SLACK_NANOS;
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
        for (Observation answer : duringRamp.answers(health())) {
            long latest = firstReceived + oracle.allowedAfterNanos(answer.peer()) + ROUNDING_SLACK_NANOS;
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
        TimingReport report = TimingReport.of(String.format(Locale.ROOT,
                        "%s on %s: ramp %s, aggression %s, %d peers, poll every %d ms; first check took %.1f ms (F - C)",
                        target.label(), ItEnvironment.javaHome(), RAMP, aggression, PEER_COUNT,
                        POLL_INTERVAL.toMillis(), millis(firstReceived - firstSent)),
                peers, oracle, duringRamp, health(), firstSent);
        report.publish(ItEnvironment.logDirectory().resolve(name() + "-timing.txt"));

        assertThat(report.rows()).allSatisfy(row ->
                assertThat(row.firstAllowedMillis()).as("first allowed answer of %s", row.peer()).isPresent());
        // The ramp started somewhere in [C, F], so a peer can legitimately look (F - C) late on top of waiting
        // up to one poll interval for its next check.
        double bound = millis(firstReceived - firstSent) + POLL_INTERVAL.toMillis() + millis(LATE_SLACK_NANOS);
        assertThat(report.maxDeviationMillis()).as("worst lateness in ms\n%s", report.table()).isLessThan(bound);
    }

    @Test
    void onceAllowedAPeerIsNeverDeniedAgain() {
        for (String peer : peers) {
            Optional<Observation> firstAllowed = duringRamp.answers(peer, health()).stream()
                    .filter(Observation::passedTheGate).findFirst();
            List<Observation> deniedLater = duringRamp.answers(peer, health()).stream()
                    .filter(answer -> firstAllowed.isPresent()
                            && answer.sentNanos() > firstAllowed.get().receivedNanos())
                    .filter(Observation::deniedByWarmgate).toList();
            assertThat(deniedLater).as("denials of %s after it was allowed", peer).isEmpty();
        }
        for (String peer : peers) {
            List<AgentLog.PeerLine> changes = agentLog.peerLines().stream()
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
        List<Observation> health = duringRamp.answers(health());
        long firstAllowedArrival = health.stream().filter(Observation::passedTheGate)
                .mapToLong(Observation::receivedNanos).min().orElseThrow();
        long lastDenialSent = health.stream().filter(Observation::deniedByWarmgate)
                .mapToLong(Observation::sentNanos).max().orElseThrow();
        assertThat(firstAllowedArrival).as("some peer healthy while another was still denied")
                .isLessThan(lastDenialSent);
        String highest = peers.stream().max(Comparator.comparingInt(ExpectedRamp::bucket)).orElseThrow();
        assertThat(duringRamp.answers(highest, health())).as("answers to the highest bucket, %s", highest)
                .anyMatch(Observation::deniedByWarmgate);
    }

    @Test
    void afterTheWindowEveryPeerGetsTheAppsOwnHealthyAnswer() {
        long open = firstReceived + RAMP.toNanos() + ROUNDING_SLACK_NANOS;
        for (String peer : peers) {
            List<Observation> late = duringRamp.answers(peer, health()).stream()
                    .filter(answer -> answer.sentNanos() >= open).toList();
            assertThat(late).as("health checks of %s after the window", peer).isNotEmpty();
            late.forEach(answer -> Answers.assertAppHealthy(answer.result()));
        }
        assertThat(afterWindow.answers(health())).hasSize(PEER_COUNT)
                .allSatisfy(answer -> Answers.assertAppHealthy(answer.result()));
    }

    @Test
    void answersThatPassTheGateAreExactlyTheApps() {
        assertThat(duringRamp.answers(health()).stream().filter(Observation::passedTheGate))
                .isNotEmpty()
                .allSatisfy(answer -> Answers.assertAppHealthy(answer.result()));
    }

    @Test
    void denialsAre503sWithAWellFormedHeaderCarryingTheOraclesBucket() {
        List<Observation> denials = new ArrayList<>(duringRamp.answers(health()));
        denials.addAll(duringRamp.answers(sick()));
        denials.removeIf(answer -> !answer.deniedByWarmgate());
        assertThat(denials).isNotEmpty();
        for (Observation denial : denials) {
            WarmgateHeader header = Answers.assertDeniedByWarmgate(denial.result());
            assertThat(header.bucket()).as("bucket in %s", denial).isEqualTo(ExpectedRamp.bucket(denial.peer()));
            // The agent decided between sending and receiving, i.e. between (sent - F) and (received - C) into
            // its ramp; the header shows percent with one decimal, hence the extra 0.05.
            double lowest = oracle.percentAt(denial.sentNanos() - firstReceived - ROUNDING_SLACK_NANOS) - 0.05;
            double highest = oracle.percentAt(denial.receivedNanos() - firstSent + ROUNDING_SLACK_NANOS) + 0.05;
            assertThat(header.percent()).as("percent in %s", denial).isBetween(lowest, highest)
                    .isLessThanOrEqualTo(header.bucket());
        }
    }

    @Test
    void businessEndpointsAndLivenessAreNeverGated() {
        assertNeverGated(items(), "{");
        assertNeverGated(livez(), "ALIVE\n");
    }

    @Test
    void statusIsNotGatedUnlessConfigured() {
        assertNeverGated(status(), "OK\n");
        assertThat(afterWindow.answers(status())).hasSize(PEER_COUNT)
                .allSatisfy(answer -> Answers.assertNotTouchedByWarmgate(answer.result()));
    }

    @Test
    void anUnhealthyAppStaysUnhealthyForEveryone() {
        List<Observation> sick = new ArrayList<>(duringRamp.answers(sick()));
        sick.addAll(afterWindow.answers(sick()));
        assertThat(sick).as("sick health answers").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.result().status()).as("%s", answer).isEqualTo(503));

        // A peer that is already allowed gets the app's own unhealthy answer, during the ramp and after it.
        List<Observation> fromAllowedPeers = duringRamp.answers(sick()).stream()
                .filter(answer -> wasAllowedBefore(answer.peer(), answer.sentNanos())).toList();
        assertThat(fromAllowedPeers).as("sick checks from peers already allowed").isNotEmpty()
                .allSatisfy(answer -> Answers.assertAppUnhealthy(answer.result()));
        assertThat(afterWindow.answers(sick())).hasSize(PEER_COUNT)
                .allSatisfy(answer -> Answers.assertAppUnhealthy(answer.result()));
    }

    @Test
    void agentLogsDiscoveryAndPeerDecisionsWithoutErrors() {
        assertThat(agentLog.errors()).as("agent errors in\n%s", agentLog).isEmpty();
        assertThat(agentLog.lines()).as("startup line").anyMatch(line -> line.contains("warmgate")
                && line.contains(AgentJar.version()));
        assertThat(agentLog.containing("health handler found")).as("agent log\n%s", agentLog)
                .anyMatch(line -> line.endsWith(" " + health()));
        assertThat(agentLog.startingWith("ramp started")).as("agent log\n%s", agentLog).hasSize(1);
        assertThat(agentLog.startingWith("ramp finished")).as("agent log\n%s", agentLog).hasSize(1);

        List<AgentLog.PeerLine> ours = agentLog.peerLines().stream()
                .filter(line -> peers.contains(line.peer())).toList();
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

    /**
     * Every answer on {@code path} is the app's 200, and at least one of them went to a peer that was denied
     * at that moment: a health check sent after the answer arrived was still denied, and allowed never turns
     * back into denied.
     */
    private void assertNeverGated(String path, String bodyStart) {
        List<Observation> answers = duringRamp.answers(path);
        assertThat(answers).as("answers on %s", path).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.result().status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.result().body()).as("%s", answer).startsWith(bodyStart);
            Answers.assertNotTouchedByWarmgate(answer.result());
        });
        assertThat(answers).as("answers on %s to peers that were denied at the time", path)
                .anyMatch(answer -> deniedAfter(answer.peer(), answer.receivedNanos()));
    }

    /**
     * The order of the side requests: highest bucket, lowest, second highest, second lowest, ... Early in the
     * ramp this reaches both a peer that stays denied for long (for "never gated while denied") and one whose
     * turn comes soon (for "an allowed peer still gets the app's unhealthy answer").
     */
    private List<String> highAndLowBucketsInTurn() {
        List<String> byBucket = peers.stream().sorted(Comparator.comparingInt(ExpectedRamp::bucket)).toList();
        List<String> order = new ArrayList<>();
        for (int low = 0, high = byBucket.size() - 1; low <= high; low++, high--) {
            order.add(byBucket.get(high));
            if (low != high) {
                order.add(byBucket.get(low));
            }
        }
        return order;
    }

    private boolean deniedAfter(String peer, long nanos) {
        return duringRamp.answers(peer, health()).stream()
                .anyMatch(check -> check.deniedByWarmgate() && check.sentNanos() > nanos);
    }

    private boolean wasAllowedBefore(String peer, long nanos) {
        return duringRamp.answers(peer, health()).stream()
                .anyMatch(check -> check.passedTheGate() && check.receivedNanos() < nanos);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
