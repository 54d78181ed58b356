package io.warmgate.it.robustness;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sample JVMs the robustness tests fork: like {@link ItEnvironment#startWithAgent}, plus a JVM without the
 * agent (the baseline "exactly as without the agent" is compared against) and one with extra JVM flags.
 */
final class RobustnessSamples {

    /** The sample that bundles its own old Byte Buddy and Guava, and has the odd corners (samples/legacy-libs). */
    static final String LEGACY_REPORT = "/api/legacy";
    static final String FAULTY_URI_HEALTH = "/faulty-uri/health";
    static final String FAULTY_ADDRESS_HEALTH = "/faulty-addr/health";
    static final String PLUGIN_HEALTH = "/plugin/health";
    static final String HIDDEN_PLUGIN_HEALTH = "/hidden-plugin/health";
    static final String ISOLATED_PLUGIN_HEALTH = "/isolated-plugin/health";
    static final String PLUGIN_RELOAD = "/admin/plugin/reload";
    static final String PLUGIN_RELEASED = "/admin/plugin/released";
    static final String NEWER_PLUGIN = "/admin/newer-plugin";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private RobustnessSamples() {
    }

    static Path legacyJar() {
        return ItEnvironment.jar("sample.legacy-libs.jar", "../samples/legacy-libs/target/sample-legacy-libs.jar");
    }

    static Path jettyJar() {
        return ItEnvironment.sampleJar(SampleKind.JETTY);
    }

    static SampleProcess withAgent(Path jar, String name, String agentArgs) {
        return ItEnvironment.startWithAgent(jar, Map.of(), name, agentArgs);
    }

    /** The same sample on the same JDK with the same flags, but no agent: the baseline. */
    static SampleProcess withoutAgent(Path jar, String name) {
        SampleProcess sample = builder(jar, name).start();
        System.out.printf("[it] %s: pid %d, port %d, java %s, no agent, log %s%n", name, sample.pid(), sample.port(),
                ItEnvironment.javaHome(), sample.logFile());
        return sample;
    }

    /** With the agent ({@code -javaagent} first) and further JVM flags after it, e.g. a second {@code -javaagent}. */
    static SampleProcess withAgentAndFlags(Path jar, String name, String agentArgs, List<String> flags) {
        SampleProcess.Builder builder = builder(jar, name).agent(ItEnvironment.agentJar(), agentArgs);
        flags.forEach(builder::jvmFlag);
        SampleProcess sample = builder.start();
        System.out.printf("[it] %s: pid %d, port %d, command %s%n", name, sample.pid(), sample.port(),
                sample.command());
        return sample;
    }

    /** Same heap, collector and log directory as {@link ItEnvironment#startWithAgent}. */
    private static SampleProcess.Builder builder(Path jar, String name) {
        return SampleProcess.builder(jar)
                .name(name)
                .javaHome(ItEnvironment.javaHome())
                .jvmFlag("-Xmx256m")
                .jvmFlag("-XX:+UseSerialGC")
                .logDirectory(ItEnvironment.logDirectory())
                .readyTimeout(READY_TIMEOUT);
    }

    /** Stops the samples that were started; null entries (a failed start) are skipped. */
    static void stopAll(SampleProcess... samples) {
        for (SampleProcess sample : samples) {
            if (sample != null) {
                sample.close();
            }
        }
    }
}
