package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With -Xrs the JVM keeps its hands off SIGTERM, and so does the agent: one log line says there is no drain, and
 * SIGTERM ends the JVM exactly as it does without the agent.
 */
class DrainWithXrsIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void oneLogLineAndShutdownUnchanged() throws Exception {
        DrainSupport.Exit without;
        try (SampleProcess sample = ItEnvironment.sample(ItEnvironment.sampleJar(KIND), "jetty-xrs-no-agent")
                .jvmFlag("-Xrs").start()) {
            without = DrainSupport.terminateAndTime(sample, BOUND);
        }
        SampleProcess sample = ItEnvironment.sample(ItEnvironment.sampleJar(KIND), "jetty-xrs-drain")
                .agent(ItEnvironment.agentJar(), "drain.quiet=3s,drain.timeout=10s")
                .jvmFlag("-Xrs").start();
        DrainSupport.Exit with;
        try {
            for (int i = 0; i < 3; i++) {
                DrainSupport.get("127.0.0.2", sample.port(), KIND.path("/health"));
            }
            assertThat(sample.awaitStderr(line -> line.contains("no drain on SIGTERM"), Duration.ofSeconds(10)))
                    .as("%s", sample.recentOutput()).isPresent();
            with = DrainSupport.terminateAndTime(sample, BOUND);
        } finally {
            sample.close();
        }
        assertThat(sample.stderrLines()).filteredOn(line -> line.contains("SIGTERM")).singleElement().asString()
                .startsWith("[warmgate] WARN no drain on SIGTERM: the JVM does not let Java code handle SIGTERM")
                .endsWith("; shutdown is left as it is (drain <pid> still works)");
        assertThat(with.status()).isEqualTo(without.status());
        assertThat(with.afterSignal()).as("against %s without the agent", without.afterSignal())
                .isLessThan(Duration.ofSeconds(3)); // drain.quiet: no drain happened
    }
}
