package io.warmgate.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArmTest {

    @Test
    void buildsTheFourArmsWithTheProbeAgentJarsAndAnOptionalFifth(@TempDir Path work) throws Exception {
        List<StartupArm> arms = StartupArm.all(Path.of("agent.jar"), Path.of("/tmp/before.jar"), work);

        assertThat(arms).extracting(StartupArm::label).containsExactly("no agent", "empty premain",
                "null transformer", "warmgate", "warmgate (before.jar)");
        assertThat(arms.get(0).agentJarName()).isNull();
        try (JarFile probe = new JarFile(arms.get(2).agentJar().toFile())) {
            assertThat(probe.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo("io.warmgate.bench.overhead.probe.NullTransformerAgent");
            assertThat(probe.getEntry("io/warmgate/bench/overhead/probe/NullTransformerAgent.class")).isNotNull();
        }
        assertThat(StartupArm.all(Path.of("agent.jar"), null, work)).hasSize(4);
    }

    @Test
    void eachRunStartsWithTheNextArm() {
        List<StartupArm> arms = List.of(new StartupArm("a", null), new StartupArm("b", null),
                new StartupArm("c", null));

        assertThat(StartupArm.orderOfRun(arms, 0)).extracting(StartupArm::label).containsExactly("a", "b", "c");
        assertThat(StartupArm.orderOfRun(arms, 1)).extracting(StartupArm::label).containsExactly("b", "c", "a");
        assertThat(StartupArm.orderOfRun(arms, 5)).extracting(StartupArm::label).containsExactly("c", "a", "b");
    }
}
