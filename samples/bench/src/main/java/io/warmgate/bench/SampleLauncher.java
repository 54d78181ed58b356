package io.warmgate.bench;

import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Forks sample JVMs the same way for every benchmark: same JDK, JVM flags and log directory, a fixed port, and
 * the agent only when asked for. Waits for the sample's READY line.
 */
public final class SampleLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path repositoryRoot;
    private final List<String> jvmFlags;
    private final Map<String, String> extraProperties;
    private final Path logDirectory;

    public SampleLauncher(Path repositoryRoot, List<String> jvmFlags, Map<String, String> extraProperties,
                          Path logDirectory) {
        this.repositoryRoot = repositoryRoot;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.extraProperties = Map.copyOf(extraProperties);
        this.logDirectory = logDirectory;
    }

    /** Starts {@code sample} on {@code port}; with {@code -javaagent} when {@code agentArgs} is not null. */
    public SampleProcess start(BenchSample sample, String name, int port, String agentArgs) {
        return start(sample, name, port, agentArgs, Map.of());
    }

    /** The same, with system properties that override the launcher's for this one instance. */
    public SampleProcess start(BenchSample sample, String name, int port, String agentArgs,
                               Map<String, String> overrides) {
        SampleProcess.Builder builder = SampleProcess.builder(sample.jar(repositoryRoot))
                .name(name)
                .logDirectory(logDirectory)
                .readyTimeout(READY_TIMEOUT)
                .systemProperty("sample.port", Integer.toString(port));
        sample.systemProperties().forEach(builder::systemProperty);
        extraProperties.forEach(builder::systemProperty);
        overrides.forEach(builder::systemProperty); // the builder keeps the last value given for a key
        jvmFlags.forEach(builder::jvmFlag);
        if (agentArgs != null) {
            builder.agent(repositoryRoot.resolve(Repository.AGENT_JAR), agentArgs);
        }
        return builder.start();
    }

    /** The command line {@link #start} would run, for timing a start-up from outside. */
    public List<String> command(BenchSample sample, String name, int port, String agentArgs) {
        return command(sample, name, port, agentArgs == null ? null : repositoryRoot.resolve(Repository.AGENT_JAR),
                agentArgs, List.of());
    }

    /**
     * The same with any agent jar ({@code -javaagent:<agentJar>[=<agentArgs>]}, none when {@code agentJar} is
     * null) and JVM flags of this one run after the launcher's own.
     */
    public List<String> command(BenchSample sample, String name, int port, Path agentJar, String agentArgs,
                                List<String> extraFlags) {
        SampleProcess.Builder builder = SampleProcess.builder(sample.jar(repositoryRoot))
                .name(name)
                .systemProperty("sample.port", Integer.toString(port));
        sample.systemProperties().forEach(builder::systemProperty);
        extraProperties.forEach(builder::systemProperty);
        jvmFlags.forEach(builder::jvmFlag);
        extraFlags.forEach(builder::jvmFlag);
        if (agentJar != null) {
            builder.agent(agentJar, agentArgs);
        }
        return builder.command();
    }

    /** Splits a flags option such as {@code "-Xmx256m -XX:+UseSerialGC"}. */
    public static List<String> splitFlags(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }
}
