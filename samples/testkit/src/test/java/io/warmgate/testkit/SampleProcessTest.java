package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProcessTest {

    @TempDir
    static Path work;
    private static Path fakeJar;

    @BeforeAll
    static void buildFakeSampleJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeSample.class.getName());
        fakeJar = work.resolve("fake-sample.jar");
        String entry = FakeSample.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(fakeJar);
             JarOutputStream jar = new JarOutputStream(file, manifest);
             InputStream classBytes = FakeSample.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(jar);
            jar.closeEntry();
        }
    }

    @Test
    void startsCapturesOutputAndStops() throws IOException {
        Path logs = work.resolve("logs");
        SampleProcess sample = SampleProcess.builder(fakeJar)
                .name("fake-ready")
                .systemProperty("fake.mode", "ready")
                .systemProperty("fake.extra", "passed-through")
                .jvmFlag("-Xmx64m")
                .logDirectory(logs)
                .start();
        long pid = sample.pid();
        try (sample) {
            assertThat(sample.port()).isEqualTo(4321);
            assertThat(sample.awaitStderr(line -> line.contains("property"), Duration.ofSeconds(10)))
                    .contains("fake: property passed-through");
            assertThat(sample.stderrLines()).contains("[warmgate] fake agent line");
            assertThat(sample.stdoutLines()).contains("SAMPLE READY port=4321");
            assertThat(sample.command()).contains("-Xmx64m", "-Dsample.port=0");
        }

        assertThat(sample.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(Files.readString(logs.resolve("fake-ready.log")))
                .contains("out| SAMPLE READY port=4321", "err| [warmgate] fake agent line");
    }

    @Test
    void awaitStderrGivesUpAfterItsTimeout() {
        try (SampleProcess sample = SampleProcess.builder(fakeJar).name("fake-await")
                .logDirectory(work.resolve("logs")).start()) {
            assertThat(sample.awaitStderr(line -> line.contains("never printed"), Duration.ofMillis(200)))
                    .isEmpty();
        }
    }

    @Test
    void failsFastWithTheOutputWhenTheSampleExitsBeforeReady() {
        assertThatThrownBy(() -> SampleProcess.builder(fakeJar)
                .name("fake-crash")
                .systemProperty("fake.mode", "crash")
                .logDirectory(work.resolve("logs"))
                .start())
                .isInstanceOf(SampleProcess.SampleStartException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("fake: cannot bind, giving up");
    }

    @Test
    void failsWhenTheSampleStaysSilent() {
        assertThatThrownBy(() -> SampleProcess.builder(fakeJar)
                .name("fake-silent")
                .systemProperty("fake.mode", "silent")
                .readyTimeout(Duration.ofSeconds(2))
                .logDirectory(work.resolve("logs"))
                .start())
                .isInstanceOf(SampleProcess.SampleStartException.class)
                .hasMessageContaining("no SAMPLE READY line");
    }

    @Test
    void refusesMissingJarsBeforeForking() {
        assertThatThrownBy(() -> SampleProcess.builder(work.resolve("absent.jar")).start())
                .hasMessageContaining("sample jar not found");
        assertThatThrownBy(() -> SampleProcess.builder(fakeJar).agent(work.resolve("no-agent.jar"), "").start())
                .hasMessageContaining("agent jar not found");
    }

    @Test
    void putsTheAgentFirstWithItsArguments() {
        var command = SampleProcess.builder(fakeJar).agent(Path.of("/opt/warmgate-agent.jar"), "duration=4s")
                .jvmFlag("-Xss1m").command();

        assertThat(command.get(1)).isEqualTo("-javaagent:/opt/warmgate-agent.jar=duration=4s");
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly("-jar", fakeJar.toAbsolutePath().toString());
    }
}
