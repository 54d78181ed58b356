package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * drain=on takes over SIGTERM at start-up and drains even though no health check ever arrived (a load balancer
 * that routes without checking): the JVM exits once traffic has been quiet for drain.quiet.
 */
class DrainOnWithoutHealthChecksIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void drainsOnSigtermWithoutAnyHealthCheck() throws Exception {
        try (SampleProcess sample = ItEnvironment.startWithAgent(KIND, "jetty-drain-on",
                "drain=on,drain.quiet=" + QUIET.toSeconds() + "s,drain.timeout=10s")) {
            DrainSupport.awaitSigtermHandler(sample); // at start-up with drain=on, no health check needed
            DrainSupport.get("127.0.0.9", sample.port(), KIND.path("/api/items"));
            DrainSupport.Exit exit = DrainSupport.terminateAndTime(sample, QUIET.plus(DrainSupport.SHUTDOWN_ALLOWANCE));
            assertThat(exit.status()).as("%s", sample.recentOutput()).isEqualTo(143);
            assertThat(exit.afterSignal()).isGreaterThanOrEqualTo(QUIET);
            assertThat(sample.stderrLines()).filteredOn(line -> line.contains("drain finished")).singleElement()
                    .asString().contains("no business request for 2s (drain.quiet)");
        }
    }
}
