package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.BusinessLoad;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Business traffic that never stops: the JVM exits at drain.timeout after SIGTERM, not later. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrainTimeoutIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @AutoClose
    private SampleProcess sample;
    private long signalledNanos;
    private DrainSupport.Exit exit;
    private List<BusinessLoad.Result> business;
    private AgentLog agentLog;

    @BeforeAll
    void signalUnderEndlessTraffic() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, "jetty-drain-timeout",
                "duration=1s,drain.quiet=" + QUIET.toSeconds() + "s,drain.timeout=" + TIMEOUT.toSeconds() + "s");
        DrainSupport.awaitEveryNodeAllowed(sample, List.of("127.0.0.2"), KIND.path("/health"));
        BusinessLoad load = BusinessLoad.start(PeerClient.toLoopback("127.0.0.9", sample.port()),
                KIND.path("/api/items"), Duration.ofMillis(QUIET.toMillis() / 10), Duration.ofSeconds(60));
        signalledNanos = System.nanoTime();
        exit = DrainSupport.terminateAndTime(sample, TIMEOUT.plus(DrainSupport.SHUTDOWN_ALLOWANCE));
        load.stop();
        business = load.results();
        agentLog = new AgentLog(sample.stderrLines());
    }

    @Test
    void theJvmExitsAtTheTimeoutThroughItsOwnShutdown() {
        assertThat(exit.status()).as("%s", sample.recentOutput()).isEqualTo(143);
        assertThat(exit.afterSignal()).isGreaterThanOrEqualTo(TIMEOUT)
                .isLessThan(TIMEOUT.plus(DrainSupport.SHUTDOWN_ALLOWANCE));
        assertThat(agentLog.containing("drain finished")).singleElement().asString()
                .contains("drain.timeout (4s) reached while business requests still arrived");
    }

    @Test
    void businessRequestsSentWellBeforeTheTimeoutAreServed() {
        long servedUntil = signalledNanos + TIMEOUT.toNanos() * 3 / 4;
        List<BusinessLoad.Result> beforeTheEnd = business.stream().filter(r -> r.sentNanos() < servedUntil).toList();
        assertThat(beforeTheEnd).hasSizeGreaterThan(10)
                .allSatisfy(result -> assertThat(result.ok()).as("%s", result).isTrue());
    }
}
