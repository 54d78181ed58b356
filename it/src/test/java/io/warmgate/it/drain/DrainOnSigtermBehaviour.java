package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.BusinessLoad;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SIGTERM under business traffic, on one sample: every load-balancer node hears {@code phase=draining} at its
 * first check after the drain started, business requests keep getting 200, the JVM stays up while traffic
 * flows, and exits once traffic has been quiet for {@code drain.quiet}, through the JVM's own shutdown (status
 * 143). Each framework's test names its sample and paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DrainOnSigtermBehaviour {

    protected static final Duration QUIET = Duration.ofSeconds(1);
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A one-second ramp, so that every node is allowed before the signal. */
    protected static final String AGENT_ARGS = "duration=1s,drain.quiet=" + QUIET.toSeconds() + "s,drain.timeout="
            + TIMEOUT.toSeconds() + "s";
    private static final List<String> NODES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    private static final String CLIENT = "127.0.0.9";
    private static final Pattern FINISHED = Pattern.compile(
            "\\[warmgate] drain finished: no business request for 1s \\(drain\\.quiet\\), .* (\\d+) business requests "
                    + "arrived during the drain; shutdown proceeds");

    @AutoClose
    private SampleProcess sample;
    private boolean drainStarted;
    private final List<HttpResult> checksWhileDraining = new ArrayList<>();
    private boolean aliveWhileTrafficFlowed;
    private long signalledNanos;
    private long lastSentNanos;
    private long exitedNanos;
    private OptionalInt exitStatus;
    private List<BusinessLoad.Result> business;
    private AgentLog agentLog;

    /** Starts the framework's sample with the agent and these arguments. */
    protected abstract SampleProcess start(String agentArgs);

    /** A gated health path of the sample. */
    protected abstract String healthPath();

    /** A business path of the sample. */
    protected abstract String businessPath();

    @BeforeAll
    void signalUnderTraffic() throws Exception {
        sample = start(AGENT_ARGS);
        DrainSupport.awaitEveryNodeAllowed(sample, NODES, healthPath());
        BusinessLoad load = BusinessLoad.start(PeerClient.toLoopback(CLIENT, sample.port()), businessPath(),
                Duration.ofMillis(50), Duration.ofSeconds(60));
        Thread.sleep(QUIET.toMillis()); // traffic before the signal too, as in production
        signalledNanos = System.nanoTime();
        sample.terminate();
        drainStarted = sample.awaitStderr(line -> line.contains("drain started on SIGTERM"), Duration.ofSeconds(10))
                .isPresent();
        for (String node : NODES) {
            checksWhileDraining.add(PeerClient.toLoopback(node, sample.port()).get(healthPath()));
        }
        Thread.sleep(2 * QUIET.toMillis()); // traffic goes on: the drain must not end
        aliveWhileTrafficFlowed = sample.isAlive();
        load.stop();
        lastSentNanos = load.lastSentNanos();
        exitStatus = sample.awaitExit(TIMEOUT.plus(DrainSupport.SHUTDOWN_ALLOWANCE));
        exitedNanos = System.nanoTime();
        business = load.results();
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void everyNodeHearsDrainingAtItsFirstCheckAfterTheDrainStarted() {
        assertThat(drainStarted).as("drain started line\n%s", agentLog).isTrue();
        assertThat(checksWhileDraining).hasSize(NODES.size()).allSatisfy(check -> {
            assertThat(check.status()).as("%s", check).isEqualTo(503);
            assertThat(check.header("X-Warmgate")).hasValue("phase=draining");
            assertThat(check.body()).isEqualTo(
                    "warmgate: this instance is draining; it is not healthy for any load balancer node\n");
        });
    }

    @Test
    void businessRequestsAreServedThroughoutTheDrain() {
        assertThat(business).allSatisfy(result -> assertThat(result.ok()).as("%s", result).isTrue());
        assertThat(business.stream().filter(result -> result.sentNanos() > signalledNanos).count())
                .as("business requests after SIGTERM").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theJvmExitsThroughItsOwnShutdownOnceTrafficIsQuietForDrainQuiet() {
        assertThat(aliveWhileTrafficFlowed).as("alive while business traffic flowed for 2 x drain.quiet").isTrue();
        assertThat(exitStatus).as("exit status\n%s", sample.recentOutput()).hasValue(143);
        Duration afterLastRequest = Duration.ofNanos(exitedNanos - lastSentNanos);
        assertThat(afterLastRequest).isGreaterThanOrEqualTo(QUIET)
                .isLessThan(QUIET.plus(DrainSupport.SHUTDOWN_ALLOWANCE));
    }

    @Test
    void theLogSaysWhenTheDrainEndedAndHowManyBusinessRequestsArrived() {
        List<String> finished = agentLog.containing("drain finished");
        assertThat(finished).as("%s", agentLog).singleElement().asString().matches(FINISHED);
        Matcher matcher = FINISHED.matcher(finished.get(0));
        assertThat(matcher.matches()).isTrue();
        long counted = Long.parseLong(matcher.group(1));
        long sentAfterSignal = business.stream().filter(result -> result.sentNanos() > signalledNanos).count();
        // The drain starts a moment after the signal, so a request or two sent in between may not be counted;
        // and the one request in flight when the signal went out (the load is sequential) may arrive after it.
        assertThat(counted).isPositive().isLessThanOrEqualTo(sentAfterSignal + 1)
                .isGreaterThanOrEqualTo(sentAfterSignal / 2);
    }
}
