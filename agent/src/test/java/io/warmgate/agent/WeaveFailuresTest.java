package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Failures to weave: one line per class, and one in all for class files newer than the agent reads. */
class WeaveFailuresTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(output, true));

    @Test
    void theAgentReadsClassFilesOfTheJavaItRunsOn() {
        assertThat(WeaveFailures.newestReadableJava()).isGreaterThanOrEqualTo(Runtime.version().feature());
    }

    @Test
    void newerClassFilesFromEitherEngineGiveOneLineInAll() {
        WeaveFailures.report(log, "com.acme.A", new IllegalArgumentException("Unsupported class file version 99.0"));
        WeaveFailures.report(log, "com.acme.B", new IllegalArgumentException("Unsupported class file major version 99"));
        WeaveFailures.report(log, "com.acme.C", new IllegalStateException("something else"));

        assertThat(output.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[warmgate] WARN could not instrument classes built for a newer Java than this warmgate understands "
                        + "(it reads class files up to Java " + WeaveFailures.newestReadableJava()
                        + "; the first was com.acme.A); they run unchanged",
                "[warmgate] WARN could not instrument com.acme.C (java.lang.IllegalStateException: something else); "
                        + "it runs unchanged");
    }
}
