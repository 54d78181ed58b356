package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
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
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A warm-up that fails must never keep the instance out of its load balancer: whatever went wrong, the agent says
 * so in one warning, reports, and the ramp starts. One sample JVM per subclass, each with its own way to fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailingWarmupBehaviour {

    static final Duration RAMP = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final List<String> peers = LoopbackPeers.first(6);
    @AutoClose
    protected SampleProcess sample;
    protected HttpResult first;
    protected Recording recording;
    protected Recording afterWindow;
    protected WarmupReportLine report;
    protected List<String> stderr;

    /** Names the sample's log file. */
    abstract String name();

    /** The warmup.* agent arguments that make this warm-up fail. */
    abstract String warmupArgs();

    /** The most the warm-up can take here: its timeout, or less. */
    abstract Duration warmupBound();

    /** The start of the agent's warning line, after {@code [warmgate] WARN }. */
    abstract String expectedWarning();

    @BeforeAll
    void startWithAFailingWarmup() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, name(), "duration=" + RAMP.toSeconds() + "s," + warmupArgs());
        int port = sample.port();
        first = PeerClient.toLoopback(peers.get(0), port).get(HEALTH);
        long deadline = first.receivedNanos() + warmupBound().plus(RAMP).plusSeconds(2).toNanos();
        recording = RampProbe.against(port).pollEachPeer(peers, HEALTH, POLL_INTERVAL).runUntil(deadline);
        afterWindow = RampProbe.onePass(port, peers, List.of(HEALTH));
        report = WarmupSamples.awaitReport(sample, Duration.ofSeconds(5));
        sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
        stderr = sample.stderrLines();
    }

    @Test
    void theFirstCheckIsHeldForTheWarmUp() {
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("X-Warmgate")).hasValueSatisfying(value -> assertThat(value).startsWith(
                "phase=warming;"));
    }

    @Test
    void oneWarningSaysWhatWentWrong() {
        List<String> warnings = new AgentLog(stderr).lines().stream()
                .filter(line -> line.startsWith("[warmgate] WARN ") && line.contains("warm-up")).toList();
        assertThat(warnings).as("%s", stderr).singleElement().satisfies(
                line -> assertThat(line).startsWith("[warmgate] WARN " + expectedWarning()));
        assertThat(new AgentLog(stderr).errors()).isEmpty();
    }

    @Test
    void theRampStartsAnywayAndOpensForEveryNode() {
        int reported = WarmupSamples.indexOf(stderr, "[warmgate] warm-up finished in ");
        int ramp = WarmupSamples.indexOf(stderr, "[warmgate] ramp started after the warm-up");
        assertThat(reported).as("%s", stderr).isNotNegative();
        assertThat(ramp).isGreaterThan(reported);
        assertThat(recording.failures()).isEmpty();
        assertThat(afterWindow.all()).allSatisfy(o -> assertThat(o.passedTheGate()).as("%s", o).isTrue());
    }

    @Test
    void noNodeIsAllowedBeforeTheWarmUpGaveUpAndTheHoldIsBounded() {
        List<Observation> warming = recording.answers(HEALTH).stream()
                .filter(o -> WarmgateHeader.of(o.result()).map(h -> h.phase().equals("warming")).orElse(false))
                .toList();
        long lastWarmingSent = warming.stream().mapToLong(Observation::sentNanos).max().orElse(first.sentNanos());
        assertThat(recording.answers(HEALTH)).filteredOn(Observation::passedTheGate)
                .allSatisfy(o -> assertThat(o.receivedNanos()).isGreaterThanOrEqualTo(lastWarmingSent));
        // Some slack for a busy machine: the hold ends within the warm-up's bound of the first check.
        assertThat((lastWarmingSent - first.sentNanos()) / 1e6).as("ms the instance was held")
                .isLessThan(warmupBound().plusMillis(1500).toMillis());
    }
}
