package io.warmgate.it.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users who turned on class-data sharing to start faster keep it with the agent attached: the Tomcat sample's
 * container classes still come from the archive (the few classes the agent rewrites come from the jar). Checked,
 * from the JVM's own class-load log, for a static AppCDS archive, a dynamic one and, on Java 24 and later, an AOT
 * cache; each time against the same archive without the agent, in the same run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDataSharingIT {

    private static final String SHARED = "source: shared objects file";
    private static final String CONTAINER_CLASSES = "org.apache.catalina.";
    private static final java.time.Duration TRAINING_EXIT = java.time.Duration.ofSeconds(120);

    private final Path work = ItEnvironment.logDirectory().resolve("cds");
    private final Path sampleJar = ItEnvironment.sampleJar(SampleKind.TOMCAT);

    private Sharing staticWithout;
    private Sharing staticWith;
    private Sharing dynamicWithout;
    private Sharing dynamicWith;
    private Sharing aotWith;
    private boolean aotAvailable;

    /** How many container classes a run loaded, and how many of them from the archive. */
    record Sharing(long loaded, long shared, List<String> log) {
        double share() {
            return loaded == 0 ? 0 : (double) shared / loaded;
        }
    }

    @BeforeAll
    void runWithAndWithoutTheAgent() throws IOException {
        Files.createDirectories(work);
        Path classList = work.resolve("classes.lst");
        Path staticArchive = work.resolve("static.jsa");
        Path dynamicArchive = work.resolve("dynamic.jsa");
        Files.deleteIfExists(classList);
        Files.deleteIfExists(staticArchive);
        Files.deleteIfExists(dynamicArchive);

        train("cds-class-list", false, "-Xshare:off", "-XX:DumpLoadedClassList=" + classList);
        JvmRun.run("cds-static-dump", List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + staticArchive, "-cp", sampleJar.toString()), 120);
        staticWithout = runSample("cds-static-without-agent", false, "-XX:SharedArchiveFile=" + staticArchive);
        staticWith = runSample("cds-static-with-agent", true, "-XX:SharedArchiveFile=" + staticArchive);

        train("cds-dynamic-training", false, "-XX:ArchiveClassesAtExit=" + dynamicArchive);
        dynamicWithout = runSample("cds-dynamic-without-agent", false, "-XX:SharedArchiveFile=" + dynamicArchive);
        dynamicWith = runSample("cds-dynamic-with-agent", true, "-XX:SharedArchiveFile=" + dynamicArchive);

        aotAvailable = javaFeatureVersion() >= 24;
        if (aotAvailable) {
            // An AOT cache must be trained with the same module options it runs with, and -javaagent adds
            // java.instrument: so it is trained with the agent attached (see the operations guide).
            Path aotCache = work.resolve("app.aot");
            Files.deleteIfExists(aotCache);
            train("aot-training-with-agent", true, "-XX:AOTCacheOutput=" + aotCache);
            aotWith = runSample("aot-with-agent", true, "-XX:AOTCache=" + aotCache);
        }
    }

    @Test
    void aStaticArchiveKeepsSharingTheContainerWithTheAgent() {
        assertThat(staticWithout.share()).as("without the agent: %s", staticWithout).isGreaterThan(0.9);
        assertThat(staticWith.shared()).as("with the agent").isGreaterThanOrEqualTo(staticWithout.shared() - 2);
        assertThat(staticWith.log()).noneMatch(line -> line.contains("bootstrap classpath has been appended"));
    }

    @Test
    void aDynamicArchiveKeepsSharingTheContainerWithTheAgent() {
        assertThat(dynamicWithout.share()).as("without the agent: %s", dynamicWithout).isGreaterThan(0.9);
        assertThat(dynamicWith.shared()).as("with the agent").isGreaterThanOrEqualTo(dynamicWithout.shared() - 2);
    }

    @Test
    void anAotCacheTrainedWithTheAgentIsUsedWithIt() {
        if (!aotAvailable) {
            // Before Java 24 there is no AOT cache: the JVM refuses the option, and there is nothing to keep.
            assertThat(javaFeatureVersion()).isLessThan(24);
            return;
        }
        assertThat(aotWith.share()).as("with the agent: %s", aotWith).isGreaterThan(0.9);
    }

    /**
     * A training run: the sample is started, asked to stop, and given all the time it needs to write its archive
     * on the way out (an AOT cache takes seconds to assemble); only then is it closed.
     */
    private void train(String name, boolean withAgent, String... flags) {
        try (SampleProcess sample = sampleBuilder(name, withAgent, flags).start()) {
            ProcessHandle process = ProcessHandle.of(sample.pid()).orElseThrow();
            process.destroy();
            process.onExit().get(TRAINING_EXIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " did not write its archive and exit within " + TRAINING_EXIT, e);
        }
    }

    private SampleProcess.Builder sampleBuilder(String name, boolean withAgent, String... flags) {
        SampleProcess.Builder builder = SampleProcess.builder(sampleJar)
                .name(name)
                .javaHome(ItEnvironment.javaHome())
                .logDirectory(ItEnvironment.logDirectory())
                .systemProperty("sample.port", "0");
        for (String flag : flags) {
            builder.jvmFlag(flag);
        }
        if (withAgent) {
            builder.agent(ItEnvironment.agentJar(), "");
        }
        return builder;
    }

    private Sharing runSample(String name, boolean withAgent, String... flags) {
        Path loadLog = work.resolve(name + "-class-load.txt");
        SampleProcess.Builder builder = sampleBuilder(name, withAgent, flags)
                .jvmFlag("-Xlog:class+load=info:file=" + loadLog);
        List<String> output;
        try (SampleProcess sample = builder.start()) {
            output = new ArrayList<>(sample.stderrLines());
            output.addAll(sample.stdoutLines());
        }
        try {
            List<String> loads = Files.readAllLines(loadLog).stream()
                    .filter(line -> line.contains(" " + CONTAINER_CLASSES)).toList();
            return new Sharing(loads.size(), loads.stream().filter(line -> line.contains(SHARED)).count(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int javaFeatureVersion() {
        List<String> version = JvmRun.run("java-version", List.of("-XshowSettings:properties", "-version"), 30);
        return version.stream().map(String::trim).filter(line -> line.startsWith("java.specification.version = "))
                .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim())).findFirst()
                .orElseThrow();
    }
}
