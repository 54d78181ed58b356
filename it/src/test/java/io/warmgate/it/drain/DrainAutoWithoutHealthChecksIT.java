package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * drain=auto (the default) when no health check was ever seen: no load balancer routes here, so SIGTERM stops the
 * JVM as fast as without the agent. Both are measured in this run, on the same sample.
 */
class DrainAutoWithoutHealthChecksIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    /** The default drain.quiet: a drain would make the JVM at least this much slower. */
    private static final Duration DEFAULT_QUIET = Duration.ofSeconds(5);
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void sigtermStopsTheJvmAsFastAsWithoutTheAgent() throws Exception {
        DrainSupport.Exit without;
        try (SampleProcess sample = ItEnvironment.sample(ItEnvironment.sampleJar(KIND), "jetty-no-agent").start()) {
            without = DrainSupport.terminateAndTime(sample, BOUND);
        }
        DrainSupport.Exit with;
        SampleProcess withAgent = ItEnvironment.startWithAgent(KIND, "jetty-drain-auto-unchecked", "");
        try {
            // Business traffic only: no health check, so no load balancer.
            DrainSupport.get("127.0.0.9", withAgent.port(), KIND.path("/api/items"));
            with = DrainSupport.terminateAndTime(withAgent, BOUND);
        } finally {
            withAgent.close();
        }
        assertThat(without.status()).isEqualTo(143);
        assertThat(with.status()).isEqualTo(without.status());
        assertThat(with.afterSignal()).as("with the agent, against %s without", without.afterSignal())
                .isLessThan(without.afterSignal().plus(DEFAULT_QUIET.dividedBy(2)));
        assertThat(withAgent.stderrLines()).as("no handler without a health check, hence no drain")
                .noneMatch(line -> line.contains("drain started"))
                .noneMatch(line -> line.contains("SIGTERM"));
    }
}
