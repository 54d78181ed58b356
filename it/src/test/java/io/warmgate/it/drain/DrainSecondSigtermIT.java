package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.BusinessLoad;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A second SIGTERM during the drain ends it at once: the shutdown is never slower for it. */
class DrainSecondSigtermIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aSecondSigtermEndsTheDrainAtOnce() throws Exception {
        try (SampleProcess sample = ItEnvironment.startWithAgent(KIND, "jetty-drain-second-sigterm",
                "duration=1s,drain.quiet=2s,drain.timeout=" + TIMEOUT.toSeconds() + "s")) {
            DrainSupport.awaitEveryNodeAllowed(sample, List.of("127.0.0.2"), KIND.path("/health"));
            BusinessLoad load = BusinessLoad.start(PeerClient.toLoopback("127.0.0.9", sample.port()),
                    KIND.path("/api/items"), Duration.ofMillis(50), Duration.ofSeconds(60));
            try {
                sample.terminate();
                assertThat(sample.awaitStderr(line -> line.contains("drain started on SIGTERM"),
                        Duration.ofSeconds(10))).isPresent();
                DrainSupport.Exit exit = DrainSupport.terminateAndTime(sample, TIMEOUT);
                assertThat(exit.status()).isEqualTo(143);
                assertThat(exit.afterSignal()).as("after the second SIGTERM, with traffic still flowing")
                        .isLessThan(TIMEOUT.dividedBy(4));
                assertThat(sample.stderrLines()).filteredOn(line -> line.contains("drain finished")).singleElement()
                        .asString().contains("a second SIGTERM ends it");
            } finally {
                load.stop();
            }
        }
    }
}
