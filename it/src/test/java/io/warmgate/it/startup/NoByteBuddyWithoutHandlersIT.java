package io.warmgate.it.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An application without a single health handler class never pays for the agent's instrumentation engine:
 * the JVM's own class-load log shows no class of the shaded Byte Buddy, and no warning about the boot class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoByteBuddyWithoutHandlersIT {

    private List<String> output;

    @BeforeAll
    void runPlainMain() {
        output = JvmRun.run("plain-main-class-load", List.of(JvmRun.agent(), "-verbose:class", "-cp",
                JvmRun.testClasses(), PlainMain.class.getName()), 60);
    }

    @Test
    void theApplicationRanWithTheAgentActive() {
        assertThat(output).contains("plain main ran");
        assertThat(output).anyMatch(line -> line.startsWith("[warmgate] warmgate ") && line.contains(" active on Java "));
    }

    @Test
    void noByteBuddyClassWasLoaded() {
        assertThat(output).as("class-load lines of the agent's own classes")
                .anyMatch(line -> line.contains("io.warmgate.agent.HandlerTransformer"));
        assertThat(output).noneMatch(line -> line.contains("io.warmgate.shaded.bytebuddy"));
    }

    @Test
    void theBootClassPathWasLeftAlone() {
        assertThat(output).noneMatch(line -> line.contains("bootstrap classpath has been appended"));
        assertThat(output).anyMatch(line -> line.contains("io.warmgate.bridge.GateBridge"));
    }
}
