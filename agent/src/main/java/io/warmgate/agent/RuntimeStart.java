package io.warmgate.agent;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.agent.jmx.GateMBeanRegistration;
import io.warmgate.agent.jmx.GateStatus;
import io.warmgate.bridge.GateBridge;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Durations;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.RampHold;
import io.warmgate.core.fleet.AddressResolver;
import io.warmgate.core.fleet.FleetCheck;
import io.warmgate.core.fleet.FleetStartCheck;
import io.warmgate.core.fleet.HttpSiblingProber;
import io.warmgate.core.guard.RampGuard;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.WarmupCoordinator;
import io.warmgate.core.warmup.WarmupPlan;
import io.warmgate.core.warmup.WarmupProgress;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;

/**
 * Builds the gate and everything around it (warm-up coordinator, guard, drain, recorder, fleet check, the MBean
 * object) and puts it in the bridge. None of that is needed before the first class is woven, and none of it can
 * turn the agent off (the configuration, the warm-up file included, was checked in {@code premain}), so at
 * start-up it runs on a daemon thread ({@code warmgate-start}) while the application's {@code main} goes on. The
 * weaver waits for it ({@link #awaitReady}) before it rewrites the first class, so no advice can reach the bridge
 * before the gate is in it. Should it fail all the same, it says why, the transformer is removed and nothing is
 * woven.
 */
final class RuntimeStart implements Runnable {

    /** The weaver gives up on a class after this long: the start never blocks the application for good. */
    private static final long MAX_WAIT_MILLIS = 30000L;

    private final WarmgateConfig config;
    private final WarmupPlan warmupPlan;
    private final AgentLog log;
    private final HealthPathMatcher paths;
    private final HandlerLog handlers;
    private final long maxWaitMillis;
    private Instrumentation instrumentation;
    private ClassFileTransformer transformer;
    private boolean finished;
    private boolean ready;

    /** @param warmupPlan the synthetic warm-up, read from the configuration in {@code premain}; null for none */
    RuntimeStart(WarmgateConfig config, WarmupPlan warmupPlan, AgentLog log, HealthPathMatcher paths,
                 HandlerLog handlers) {
        this(config, warmupPlan, log, paths, handlers, MAX_WAIT_MILLIS);
    }

    /** @param maxWaitMillis how long the weaver waits at most (shorter in tests) */
    RuntimeStart(WarmgateConfig config, WarmupPlan warmupPlan, AgentLog log, HealthPathMatcher paths,
                 HandlerLog handlers, long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
        this.config = config;
        this.warmupPlan = warmupPlan;
        this.log = log;
        this.paths = paths;
        this.handlers = handlers;
    }

    /** A start that is over and succeeded: for a weaver used without the agent's start around it (tests). */
    static RuntimeStart alreadyReady() {
        RuntimeStart start = new RuntimeStart(null, null, null, null, null, 0L);
        synchronized (start) {
            start.finished = true;
            start.ready = true;
        }
        return start;
    }

    /**
     * Runs {@link #run} on a daemon thread; the transformer is removed if the gate cannot be built. Runs it on the
     * calling thread if no thread can be started.
     */
    void startInBackground(Instrumentation instrumentation, ClassFileTransformer transformer) {
        synchronized (this) {
            this.instrumentation = instrumentation;
            this.transformer = transformer;
        }
        try {
            Thread thread = new Thread(this, "warmgate-start");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            thread.start();
        } catch (Throwable noThread) {
            run();
        }
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        boolean built = false;
        try {
            built = buildAndInstall();
            log.debug("gate built and installed in " + StartupTimes.tenths(System.nanoTime() - start) + " ms (on "
                    + Thread.currentThread().getName() + ")");
        } catch (Throwable failure) {
            log.error("could not build the gate (" + failure + "); warmgate is disabled, the application runs "
                    + "without it");
        } finally {
            finish(built);
        }
    }

    /**
     * Waits until the gate is in the bridge, at most {@value #MAX_WAIT_MILLIS} ms; after a wait that long, nothing
     * waits again.
     *
     * @return true when it is; false when it failed or took too long, and the class must be left as it is
     */
    synchronized boolean awaitReady() {
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        boolean interrupted = false;
        try {
            while (!finished) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    finished = true; // for good: later classes must not wait as long again
                    log.warn("warmgate's gate was not ready after " + maxWaitMillis + " ms; nothing is "
                            + "instrumented, the application runs without warmgate");
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    interrupted = true; // the class is being loaded: finish the wait, keep the interrupt
                }
            }
            return ready;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void finish(boolean built) {
        Instrumentation from;
        ClassFileTransformer toRemove;
        synchronized (this) {
            if (finished) {
                return; // a waiter gave up on it already
            }
            from = instrumentation;
            toRemove = transformer;
        }
        if (!built && from != null && toRemove != null) {
            // Removed before the waiters wake: once they see the failure, no later class is offered to it.
            from.removeTransformer(toRemove);
        }
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            ready = built;
            notifyAll();
        }
    }

    /** Builds the runtime and installs it in the bridge; false (with the reason logged) when the agent stays off. */
    boolean buildAndInstall() {
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
        // The MBean is only built here; it is registered at the first health check, never at start-up.
        GateStatus status = new GateStatus(gate, warmup == null ? WarmupProgress.off() : warmup.progress(),
                MonotonicClock.SYSTEM, drain, recorder, guard);
        FleetStartCheck fleet = !config.fleetConfigured() ? null : new FleetStartCheck(
                new FleetCheck(config.fleetPeers(), config.fleetDnsName(), config.fleetDnsPort(),
                        (int) (config.fleetTimeoutNanos() / Durations.MILLISECOND), new HttpSiblingProber(),
                        AddressResolver.SYSTEM), gate, log);
        if (fleet != null) {
            drain.watchSiblings(fleet);
        }
        GateRuntime runtime = new GateRuntime(paths, gate, config.peerHeader(), log, warmup,
                new GateMBeanRegistration(status, log), GateRuntime.Policy.of(config), fleet, drain, handlers);
        if (guard != null) {
            runtime.observe(guard);
        }
        if (recorder != null) {
            runtime.observe(recorder);
        }
        if (!GateBridge.install(runtime)) {
            log.info(AgentStarter.ALREADY_ACTIVE);
            return false;
        }
        drain.installAtStart();
        if (recorder != null) {
            recorder.start();
        }
        return true;
    }
}
