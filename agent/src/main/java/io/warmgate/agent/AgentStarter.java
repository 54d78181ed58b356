package io.warmgate.agent;

import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.bridge.GateBridge;
import io.warmgate.config.ConfigLoader;
import io.warmgate.config.ConfigResult;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.warmup.WarmupPlan;
import io.warmgate.core.warmup.WarmupPlanException;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Reads the configuration and installs the instrumentation, which is all that must happen before the
 * application's {@code main}; the gate itself is built by {@link RuntimeStart}, on its own thread. Any problem
 * leaves the agent off and the application untouched, with one line on stderr that says why.
 */
final class AgentStarter {

    static final String ALREADY_ACTIVE = "warmgate is already active in this JVM; the second -javaagent is ignored";

    /**
     * Set by the first agent that gets as far as instrumenting. Every copy of the agent jar is on the same system
     * class loader's path, so a second {@code -javaagent} runs this very class and finds it set, even before the
     * first one's gate is in the bridge ({@link RuntimeStart} builds it on its own thread).
     */
    private static boolean claimed;

    private AgentStarter() {
    }

    private static synchronized boolean isClaimed() {
        return claimed;
    }

    private static synchronized boolean claim() {
        if (claimed) {
            return false;
        }
        claimed = true;
        return true;
    }

    /**
     * @param agentJar the agent's own jar, open while the agent starts
     * @param times    marks of the start's parts, logged at {@code log=debug}
     */
    static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach, AgentJarFile agentJar,
                      StartupTimes times) {
        String version = AgentVersion.get();
        if (GateBridge.isInstalled() || isClaimed()) {
            System.err.println("[warmgate] " + ALREADY_ACTIVE);
            return;
        }
        List<FrameworkModule> modules = FrameworkModules.discover(agentJar);
        times.mark("framework modules");
        ConfigResult result = ConfigLoader.load(agentArgs, System.getProperties(), System.getenv(),
                FrameworkModules.names(modules));
        times.mark("configuration");
        AgentLog log = AgentLog.stderr(result.valid() ? result.config().logLevel() : AgentLog.Level.INFO);
        for (String warning : result.warnings()) {
            log.warn(warning);
        }
        if (!result.valid()) {
            for (String error : result.errors()) {
                log.error(error + "; warmgate " + version + " is disabled, the application runs without it");
            }
            return;
        }
        WarmgateConfig config = result.config();
        if (!config.enabled()) {
            log.info("warmgate " + version + " is disabled by configuration (enabled=false)");
            return;
        }
        String unsupportedJvm = JavaVersionSupport.problemWithThisJvm();
        if (unsupportedJvm != null) {
            log.error(unsupportedJvm + "; warmgate " + version + " is disabled, the application runs without it");
            return;
        }

        WarmupPlan warmupPlan = null;
        if (config.warmupConfigured()) {
            try {
                // Reads warmup.file now: a bad request file is a configuration error, found at start-up.
                warmupPlan = WarmupPlan.from(config, Recordings.replayed(config, log));
            } catch (WarmupPlanException bad) {
                log.error("config: " + bad.getMessage() + "; warmgate " + version
                        + " is disabled, the application runs without it");
                return;
            }
        }
        if (!claim()) {
            log.info(ALREADY_ACTIVE);
            return;
        }
        times.mark("configuration checks");
        log.info("warmgate " + version + " active on Java " + System.getProperty("java.version") + ": "
                + config.describe());
        if (GateBridge.class.getClassLoader() != null) {
            log.warn("the bridge class was not loaded from the boot class path; "
                    + "health endpoints in isolated class loaders may not be gated");
        }
        times.mark("start line");
        HealthPathMatcher paths = new HealthPathMatcher(config.detect(), config.paths(), config.excludePaths());
        HandlerLog handlers = new HandlerLog(log);
        RuntimeStart runtime = new RuntimeStart(config, warmupPlan, log, paths, handlers);
        if (lateAttach) {
            // Nothing waits for an attach, and the loaded classes offered again below are woven at once.
            runtime.run();
            if (!runtime.awaitReady()) {
                return;
            }
        }
        ClassFileTransformer transformer;
        try {
            transformer = Instrumenter.install(instrumentation, FrameworkModules.enabled(modules, config), paths,
                    handlers, log, runtime, lateAttach);
            times.mark("transformer");
        } catch (Throwable failure) {
            log.error("could not install instrumentation on Java " + System.getProperty("java.version") + " ("
                    + failure + "); warmgate is disabled, the application runs without it");
            return;
        }
        if (!lateAttach) {
            runtime.startInBackground(instrumentation, transformer);
            times.mark("gate thread started");
        }
        log.debug(times.describe());
    }
}
