package io.warmgate.agent;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.agent.jmx.GateMBeanRegistration;
import io.warmgate.agent.jmx.GateStatus;
import io.warmgate.bridge.GateBridge;
import io.warmgate.config.ConfigLoader;
import io.warmgate.config.ConfigResult;
import io.warmgate.core.Durations;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.RampHold;
import io.warmgate.core.fleet.AddressResolver;
import io.warmgate.core.guard.RampGuard;
import io.warmgate.core.fleet.FleetCheck;
import io.warmgate.core.fleet.FleetStartCheck;
import io.warmgate.core.fleet.HttpSiblingProber;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.WarmupCoordinator;
import io.warmgate.core.warmup.WarmupPlan;
import io.warmgate.core.warmup.WarmupPlanException;
import io.warmgate.core.warmup.WarmupProgress;

import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Reads the configuration, builds the gate and installs the instrumentation. Any problem leaves the agent
 * off and the application untouched, with one line on stderr that says why.
 */
final class AgentStarter {

    private AgentStarter() {
    }

    /**
     * @param agentJar the agent's own jar, open while the agent starts
     * @param times    marks of the start's parts, logged at {@code log=debug}
     */
    static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach, AgentJarFile agentJar,
                      StartupTimes times) {
        String version = AgentVersion.get();
        if (GateBridge.isInstalled()) {
            System.err.println("[warmgate] warmgate is already active in this JVM; the second -javaagent is ignored");
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
        boolean holdForWarmup = warmupPlan != null;
        RampGuard guard = !config.guardEnabled() ? null : new RampGuard(MonotonicClock.SYSTEM, config.guardP99Nanos(),
                config.guardErrorPoints() / 100.0, config.guardMaxExtendNanos());
        final RampGate gate = new RampGate(
                new RampCurve(config.durationNanos(), config.aggression(), config.minPercent()),
                config.start(), MonotonicClock.SYSTEM, new GateEventLog(log, holdForWarmup), holdForWarmup,
                guard == null ? RampHold.NONE : guard);
        WarmupCoordinator warmup = warmupPlan == null ? null
                : new WarmupCoordinator(warmupPlan, log, MonotonicClock.SYSTEM, new Runnable() {
                    @Override
                    public void run() {
                        gate.warmupFinished();
                    }
                });
        ShutdownDrain drain = ShutdownDrain.of(config, log);
        TrafficRecorder recorder = Recordings.recorder(config, log);
        // The MBean is only built here; it is registered at the first health check, never from premain.
        GateStatus status = new GateStatus(gate, warmup == null ? WarmupProgress.off() : warmup.progress(),
                MonotonicClock.SYSTEM, drain, recorder, guard);
        HealthPathMatcher paths = new HealthPathMatcher(config.detect(), config.paths(), config.excludePaths());
        FleetStartCheck fleet = !config.fleetConfigured() ? null : new FleetStartCheck(
                new FleetCheck(config.fleetPeers(), config.fleetDnsName(), config.fleetDnsPort(),
                        (int) (config.fleetTimeoutNanos() / Durations.MILLISECOND), new HttpSiblingProber(),
                        AddressResolver.SYSTEM), gate, log);
        HandlerLog handlers = new HandlerLog(log);
        times.mark("gate");
        GateRuntime runtime = new GateRuntime(paths, gate, config.peerHeader(), log, warmup,
                new GateMBeanRegistration(status, log), GateRuntime.Policy.of(config), fleet, drain, handlers);
        if (guard != null) {
            runtime.observe(guard);
        }
        if (recorder != null) {
            runtime.observe(recorder);
        }

        log.info("warmgate " + version + " active on Java " + System.getProperty("java.version") + ": "
                + config.describe());
        if (GateBridge.class.getClassLoader() != null) {
            log.warn("the bridge class was not loaded from the boot class path; "
                    + "health endpoints in isolated class loaders may not be gated");
        }
        times.mark("runtime and start line");
        try {
            Instrumenter.install(instrumentation, FrameworkModules.enabled(modules, config), paths, handlers, log,
                    lateAttach);
            times.mark("transformer");
        } catch (Throwable failure) {
            log.error("could not install instrumentation on Java " + System.getProperty("java.version") + " ("
                    + failure + "); warmgate is disabled, the application runs without it");
            return;
        }
        if (!GateBridge.install(runtime)) {
            log.info("warmgate is already active in this JVM; the second -javaagent is ignored");
            return;
        }
        drain.installAtStart();
        if (recorder != null) {
            recorder.start();
        }
        times.mark("drain and recorder");
        log.debug(times.describe());
    }
}
