package io.warmgate.it.robustness;

import static io.warmgate.it.robustness.RobustnessSamples.LEGACY_REPORT;
import static io.warmgate.it.robustness.RobustnessSamples.PLUGIN_HEALTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An application that bundles and uses its own old Byte Buddy (1.10) and Guava (23) - the two libraries the agent
 * shades - runs unchanged with the agent attached, and its health endpoint is gated exactly as the design says.
 * "Unchanged" is checked against the same sample on the same JDK without the agent, answer by answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyLibrariesIT {

    private static final Duration RAMP = Duration.ofSeconds(4);
    private static final ExpectedRamp ORACLE = new ExpectedRamp(RAMP, 1.0);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** Clock slack for the ramp bounds, as in the servlet ramp tests: both ends read the same monotonic clock. */
    private static final long SLACK_NANOS = Duration.ofMillis(10).toNanos();
    private static final String COMPARING_PEER = "127.0.0.2";
    /** Endpoints whose whole answer must be the same with and without the agent (gated ones after the ramp). */
    private static final List<String> COMPARED = List.of(
            LEGACY_REPORT,
            LEGACY_REPORT + "?name=warmgate",
            LEGACY_REPORT + "?name=%F0%9F%98%80%20emoji", // outside the BMP, where old and new murmur3_32 differ
            "/api/items?id=7",
            "/livez",
            "/status",
            "/sick/health",
            "/health",
            PLUGIN_HEALTH);

    private final List<String> peers = Peers.loopback(16);
    private SampleProcess baseline;
    private SampleProcess withAgent;
    private Observation firstCheck;
    private Recording ramp;

    @BeforeAll
    void startBothAndRunTheRamp() {
        baseline = RobustnessSamples.withoutAgent(RobustnessSamples.legacyJar(), "legacy-libs-baseline");
        withAgent = RobustnessSamples.withAgent(RobustnessSamples.legacyJar(), "legacy-libs-agent",
                "duration=" + RAMP.toMillis() + "ms");
        firstCheck = RampProbe.once(withAgent.port(), peers.get(0), "/health");
        ramp = RampProbe.against(withAgent.port())
                .pollEachPeer(peers, "/health", POLL_INTERVAL)
                .runUntil(firstCheck.sentNanos() + RAMP.plusSeconds(1).toNanos())
                .plus(List.of(firstCheck));
    }

    @AfterAll
    void stopSamples() {
        RobustnessSamples.stopAll(baseline, withAgent);
    }

    @Test
    void theApplicationRunsItsOwnOldLibraries() {
        String report = Exchanges.get(COMPARING_PEER, withAgent.port(), LEGACY_REPORT).body();

        assertThat(report).contains("byte-buddy 1.10.22\n", "guava 23.0\n",
                "startup class: hello from the startup class, generated(greeting)\n",
                "request class: hello from the request class, generated(greeting), own loader true\n");
    }

    @Test
    void everyAnswerIsTheSameAsWithoutTheAgent() {
        for (String target : COMPARED) {
            String expected = Exchanges.comparable(Exchanges.get(COMPARING_PEER, baseline.port(), target));
            String actual = Exchanges.comparable(Exchanges.get(COMPARING_PEER, withAgent.port(), target));
            assertThat(actual).as("GET %s with the agent vs without", target).isEqualTo(expected);
        }
    }

    @Test
    void theHealthEndpointIsGatedByTheRamp() {
        assertThat(ramp.failures()).isEmpty();
        assertThat(ramp.all()).anyMatch(Observation::deniedByWarmgate).anyMatch(Observation::passedTheGate);
        long earliestStart = firstCheck.sentNanos();
        long latestStart = firstCheck.receivedNanos();
        for (Observation answer : ramp.all()) {
            long allowedAfter = ORACLE.allowedAfterNanos(answer.peer());
            if (answer.deniedByWarmgate()) {
                WarmgateHeader header = Answers.assertDeniedByWarmgate(answer.result());
                assertThat(header.bucket()).as("bucket in %s", answer).isEqualTo(ExpectedRamp.bucket(answer.peer()));
                assertThat(answer.sentNanos()).as("denied too late: %s", answer)
                        .isLessThan(latestStart + allowedAfter + SLACK_NANOS);
            } else {
                Answers.assertAppHealthy(answer.result());
                assertThat(answer.receivedNanos()).as("allowed too early: %s", answer)
                        .isGreaterThanOrEqualTo(earliestStart + allowedAfter - SLACK_NANOS);
            }
        }
    }

    @Test
    void afterTheRampEveryPeerGetsTheApplicationsAnswer() {
        for (String peer : peers) {
            Answers.assertAppHealthy(Exchanges.get(peer, withAgent.port(), "/health"));
        }
    }

    @Test
    void theAgentFoundTheHandlerAndHadNothingToComplainAbout() {
        AgentLog log = new AgentLog(withAgent.stderrLines());

        assertThat(log.containing("active on Java")).as("agent log\n%s", log).hasSize(1);
        assertThat(log.containing("health handler found: servlet io.warmgate.samples.legacy.HealthServlet path /health"))
                .as("agent log\n%s", log).hasSize(1);
        assertThat(log.lines()).as("agent log").noneMatch(line -> line.startsWith("[warmgate] WARN")
                || line.startsWith("[warmgate] ERROR"));
    }
}
