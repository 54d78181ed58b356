package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application with its own SIGTERM handler (installed at its start, chaining to the one before) and its own
 * shutdown hook: with the agent both still run, in the same order as without it, after the drain. The Tomcat
 * sample does this with {@code -Dsample.shutdown-trace=true}.
 */
class DrainKeepsShutdownOrderIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final Map<String, String> TRACE = Map.of("sample.shutdown-trace", "true");
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** The sample's trace lines and the agent's drain lines, in the order they reached stderr. */
    private static List<String> shutdownLines(SampleProcess sample) {
        return sample.stderrLines().stream()
                .filter(line -> line.startsWith("SAMPLE TRACE ") || line.startsWith("[warmgate] drain "))
                .map(line -> line.startsWith("SAMPLE TRACE ") ? line.substring("SAMPLE TRACE ".length())
                        : line.substring("[warmgate] ".length(), line.indexOf(':')))
                .toList();
    }

    @Test
    void theApplicationsHandlerAndHooksRunAfterTheDrainInTheirOwnOrder() throws Exception {
        SampleProcess.Builder plain = ItEnvironment.sample(ItEnvironment.sampleJar(KIND), "tomcat-trace-no-agent");
        TRACE.forEach(plain::systemProperty);
        DrainSupport.Exit without;
        List<String> withoutLines;
        try (SampleProcess sample = plain.start()) {
            without = DrainSupport.terminateAndTime(sample, BOUND);
            withoutLines = shutdownLines(sample);
        }

        DrainSupport.Exit with;
        List<String> withLines;
        try (SampleProcess sample = ItEnvironment.startWithAgent(ItEnvironment.sampleJar(KIND), TRACE,
                "tomcat-trace-drain", "duration=1s,drain.quiet=1s,drain.timeout=4s")) {
            // A health check: a load balancer exists, so drain=auto drains.
            DrainSupport.get("127.0.0.2", sample.port(), KIND.path("/health"));
            DrainSupport.awaitSigtermHandler(sample);
            with = DrainSupport.terminateAndTime(sample, BOUND);
            withLines = shutdownLines(sample);
        }

        assertThat(withoutLines).containsExactly("sigterm-handler", "shutdown-hook");
        assertThat(withLines).containsExactly("drain started on SIGTERM", "drain finished", "sigterm-handler",
                "shutdown-hook");
        assertThat(with.status()).isEqualTo(without.status()).isEqualTo(143);
    }
}
