package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.spi.FrameworkModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces the agent's start is made of: its own jar, the module list, the start-up time line. */
class AgentStartPartsTest {

    @Test
    void readsTheServicesFileFormatWithCommentsBlanksAndRepeats() {
        String file = "# the frameworks\na.One\n\n  b.Two  # trailing comment\r\na.One\n#c.Three\nd.Four";

        assertThat(FrameworkModules.classNames(file)).containsExactly("a.One", "b.Two", "d.Four");
        assertThat(FrameworkModules.classNames("")).isEmpty();
    }

    @Test
    void findsEveryListedModuleOutsideAJarThroughTheClassLoader() {
        AgentJarFile classes = AgentJarFile.open(); // unit tests run from target/classes, not from the jar
        try {
            List<FrameworkModule> modules = FrameworkModules.discover(classes);

            assertThat(FrameworkModules.names(modules)).containsExactly("servlet", "servlet-filter", "jax-rs", "spring",
                    "grpc", "undertow", "webflux", "micronaut", "vertx");
        } finally {
            classes.close();
        }
    }

    @Test
    void readsAnEntryOrSaysThereIsNone() throws Exception {
        AgentJarFile classes = AgentJarFile.open();
        try {
            byte[] bridge = classes.read("io/warmgate/bridge/GateBridge.class");

            assertThat(bridge).startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
            assertThat(classes.read("io/warmgate/no/Such.class")).isNull();
        } finally {
            classes.close();
        }
    }

    @Test
    void knowsItsVersionOutsideAJarFromTheFilteredResource() {
        assertThat(AgentVersion.get()).isNotEmpty().isNotEqualTo("dev").doesNotContain("${");
    }

    @Test
    void describesEachPartOfTheStartInTenthsOfMilliseconds() {
        StartupTimes times = new StartupTimes(0L, 1_250_000L);

        assertThat(StartupTimes.tenths(0L)).isEqualTo("0.0");
        assertThat(StartupTimes.tenths(1_250_000L)).isEqualTo("1.3");
        assertThat(StartupTimes.tenths(12_040_000L)).isEqualTo("12.0");
        assertThat(times.describe()).isEqualTo("premain took 1.3 ms (bridge 1.3 ms)");
    }
}
