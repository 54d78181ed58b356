package io.warmgate.it.support;

import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the artifacts under test are, and how a sample JVM is started for a test. Maven passes absolute paths
 * as system properties (see it/pom.xml); the fallbacks let a test run from an IDE with {@code it/} as its
 * working directory.
 */
public final class ItEnvironment {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private ItEnvironment() {
    }

    public static Path agentJar() {
        return existing("warmgate.agent.jar", "../agent/target/warmgate-agent.jar");
    }

    public static Path sampleJar(SampleKind kind) {
        return switch (kind) {
            case TOMCAT -> existing("sample.tomcat.jar", "../samples/servlet-tomcat/target/sample-servlet-tomcat.jar");
            case JETTY -> existing("sample.jetty.jar", "../samples/servlet-jetty/target/sample-servlet-jetty.jar");
        };
    }

    /** The JDK the sample JVMs run on (the tests themselves run on Maven's JDK). */
    public static Path javaHome() {
        Path home = Path.of(System.getProperty("it.java.home", System.getProperty("java.home")));
        if (!Files.isRegularFile(home.resolve("bin/java"))) {
            throw new IllegalStateException("it.java.home has no bin/java: " + home);
        }
        return home;
    }

    public static Path logDirectory() {
        return Path.of(System.getProperty("it.log.dir", "target/sample-logs")).toAbsolutePath().normalize();
    }

    /**
     * Forks {@code kind}'s sample with the agent and the given agent arguments, and waits until it listens.
     *
     * @param name names the log file under {@link #logDirectory()}
     */
    public static SampleProcess startWithAgent(SampleKind kind, String name, String agentArgs) {
        return startWithAgent(sampleJar(kind), Map.of(), name, agentArgs);
    }

    /**
     * Forks any sample jar with the agent, the given system properties (e.g. {@code sample.container}) and agent
     * arguments, with the same JDK, JVM flags and log directory as the servlet samples, and waits until it listens.
     *
     * @param name names the log file under {@link #logDirectory()}
     */
    public static SampleProcess startWithAgent(Path jar, Map<String, String> systemProperties, String name,
                                               String agentArgs) {
        return startWithAgent(jar, systemProperties, name, agentArgs, READY_TIMEOUT);
    }

    /**
     * As {@link #startWithAgent(Path, Map, String, String)}, for a sample that needs longer than the others until it
     * listens (Spring Boot, for example).
     */
    public static SampleProcess startWithAgent(Path jar, Map<String, String> systemProperties, String name,
                                               String agentArgs, Duration readyTimeout) {
        SampleProcess.Builder builder = sample(jar, name).agent(agentJar(), agentArgs).readyTimeout(readyTimeout);
        systemProperties.forEach(builder::systemProperty);
        SampleProcess sample = builder.start();
        System.out.printf("[it] %s: pid %d, port %d, java %s, -javaagent args '%s', properties %s, log %s%n", name,
                sample.pid(), sample.port(), javaHome(), agentArgs, systemProperties, sample.logFile());
        return sample;
    }

    /**
     * A sample JVM as every test forks one (JDK, JVM flags, log directory, ready timeout), still without the agent:
     * for tests that compare with a JVM without it, or add JVM flags of their own.
     */
    public static SampleProcess.Builder sample(Path jar, String name) {
        return SampleProcess.builder(jar)
                .name(name)
                .javaHome(javaHome())
                // Small heap and the serial collector: the box may have 2 cores shared by Maven, the test JVM
                // and this sample, and fewer GC threads means less scheduling noise in the timing checks.
                .jvmFlag("-Xmx256m")
                .jvmFlag("-XX:+UseSerialGC")
                .logDirectory(logDirectory())
                .readyTimeout(READY_TIMEOUT);
    }

    /**
     * A built jar: the absolute path Maven passes in {@code property}, else {@code fallback} relative to {@code it/}.
     *
     * @throws IllegalStateException if the jar is not there
     */
    public static Path jar(String property, String fallback) {
        return existing(property, fallback);
    }

    private static Path existing(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist. The integration tests need the packaged agent"
                    + " and samples: run `mvn verify` from the repository root, or"
                    + " `mvn -DskipTests -pl agent,samples/servlet-tomcat,samples/servlet-jetty -am package` first.");
        }
        return path;
    }
}
