package io.warmgate.agent.drain;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.config.Keys;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.AgentThreads;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.drain.Drain;
import io.warmgate.core.drain.DrainMode;
import io.warmgate.core.drain.DrainWaiter;
import io.warmgate.core.drain.SiblingDrainWatch;
import io.warmgate.core.fleet.FleetStartCheck;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connects the {@link Drain} to the JVM: the SIGTERM handler, the daemon thread that waits for the drain's end
 * and then passes SIGTERM on, and what the gate, the bridge and the MBean ask of the drain.
 *
 * <p>The handler is installed when a drain can be needed: at start-up with {@code drain=on}, at the first health
 * check with {@code drain=auto} (a service no load balancer checks keeps the JVM's SIGTERM handling untouched),
 * never with {@code drain=off}. Installed late, it also wraps a handler the application installed at its own
 * start, so that one still runs after the drain.
 */
public final class ShutdownDrain implements SigtermHook.Receiver {

    private static final Denial DENIAL = new Denial(Drain.HEADER_VALUE, Drain.DENIAL_BODY);
    private static final String WATCHER_THREAD = "warmgate-drain";
    private static final String SIBLING_THREAD = "warmgate-drain-fleet";
    /** How often the siblings are asked again during a shutdown drain. */
    static final long SIBLING_RECHECK_MILLIS = 1000L;

    private final Drain drain;
    private final boolean drainKubelet;
    private final AgentLog log;
    private final SigtermHook hook = new SigtermHook(this);
    private final AtomicBoolean installRequested = new AtomicBoolean();
    private volatile Runnable startListener;
    private volatile Thread watcher;
    /** Asks the siblings during a shutdown drain; null without {@code fleet.peers} or {@code fleet.dns}. */
    private volatile SiblingDrainWatch siblingWatch;

    /**
     * @param drainKubelet false for {@code drain.kube-probe=pass}: the kubelet's probes are not denied while
     *                     draining
     */
    public ShutdownDrain(Drain drain, boolean drainKubelet, AgentLog log) {
        this.drain = drain;
        this.drainKubelet = drainKubelet;
        this.log = log;
    }

    /** A drain that never installs a SIGTERM handler ({@code drain=off}, default timings): for tests. */
    public static ShutdownDrain none(AgentLog log) {
        return new ShutdownDrain(new Drain(DrainMode.OFF, Keys.DRAIN_QUIET.defaultValue(),
                Keys.DRAIN_TIMEOUT.defaultValue(), MonotonicClock.SYSTEM, log), true, log);
    }

    /** The drain as the configuration describes it. */
    public static ShutdownDrain of(WarmgateConfig config, AgentLog log) {
        return new ShutdownDrain(new Drain(config.drainMode(), config.drainQuietNanos(), config.drainTimeoutNanos(),
                MonotonicClock.SYSTEM, log), config.drainKubeProbes(), log);
    }

    public Drain drain() {
        return drain;
    }

    /** Called once the agent is active: {@code drain=on} takes over SIGTERM now. */
    public void installAtStart() {
        if (drain.mode() == DrainMode.ON) {
            installOnce();
        }
    }

    /** Sets the one listener told when a drain starts: the gate, which watches business requests again. */
    public void whenDrainStarts(Runnable listener) {
        startListener = listener;
    }

    /**
     * With a fleet configured, a shutdown drain ends as soon as no sibling is healthy and open (see
     * {@link SiblingDrainWatch}): when the whole fleet stops at once, a drain would leave the load balancer without
     * any server.
     */
    public void watchSiblings(FleetStartCheck fleet) {
        siblingWatch = new SiblingDrainWatch(drain, fleet, SIBLING_RECHECK_MILLIS, log);
    }

    /** True while health checks are denied; one volatile read. */
    public boolean isDraining() {
        return drain.isDraining();
    }

    /**
     * A load-balancer health check (or a kubelet probe) arrived: recorded for {@code drain=auto}, whose first
     * check installs the SIGTERM handler.
     *
     * @return the denial while draining, or null to decide the check as usual
     */
    public Denial check(HealthRequest request) {
        drain.healthCheckSeen();
        if (drain.mode() == DrainMode.AUTO && !installRequested.get()) {
            installOnce();
        }
        if (!drain.isDraining() || (!drainKubelet && KubeProbeMode.isKubelet(request.userAgent()))) {
            return null;
        }
        return DENIAL;
    }

    /** The denial while draining, else null: for requests that are not load-balancer checks (fleet checks). */
    public Denial denialIfDraining() {
        return drain.isDraining() ? DENIAL : null;
    }

    public void businessRequest() {
        drain.businessRequest();
    }

    /**
     * Installs the handler once, on a short-lived daemon thread ({@code warmgate-sigterm}): building the
     * {@code SignalHandler} proxy takes tens of milliseconds in a fresh JVM, which must delay neither the start-up
     * ({@code drain=on}) nor the first health check ({@code drain=auto}).
     */
    private void installOnce() {
        if (!installRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            AgentThreads.startDaemon(new Runnable() {
                @Override
                public void run() {
                    installNow();
                }
            }, "warmgate-sigterm");
        } catch (Throwable noThread) {
            installNow();
        }
    }

    private void installNow() {
        String notInstalled;
        try {
            notInstalled = hook.install();
        } catch (Throwable failure) {
            notInstalled = "installing the handler failed (" + failure + ")";
        }
        if (notInstalled != null) {
            log.warn("no drain on SIGTERM: " + notInstalled + "; shutdown is left as it is (drain <pid> still works)");
        } else {
            log.info("SIGTERM handler installed (drain=" + drain.mode().label() + "): SIGTERM drains first, then the "
                    + "shutdown proceeds as before");
        }
    }

    /** On the JVM's signal thread: decide, and return at once; the waiting happens on the watcher thread. */
    @Override
    public void sigterm() {
        try {
            switch (drain.onSignal()) {
                case DRAIN:
                    drainStarted();
                    if (!startWatcher()) {
                        passOn(); // no thread, no drain: the shutdown must still happen
                        return;
                    }
                    startSiblingWatch();
                    return;
                case JOINED:
                    Thread running = watcher;
                    if ((running == null || !running.isAlive()) && !startWatcher()) {
                        passOn();
                        return;
                    }
                    startSiblingWatch();
                    return;
                default:
                    passOn();
            }
        } catch (Throwable failure) {
            log.warn("drain failed on SIGTERM (" + failure + "); shutdown proceeds");
            passOn();
        }
    }

    /**
     * Starts a drain on demand (drain command, MBean).
     *
     * @return one line for the operator; it starts with "not " when nothing was done
     */
    public String drainOnDemand() {
        if (!drain.startOnDemand()) {
            return "not started: the drain is " + drain.state().label() + " already";
        }
        drainStarted();
        startWatcher(); // only for the "quiet" log line: the drain itself works without it
        return "draining: health checks answer 503 phase=draining to every node, business requests are served; "
                + "undrain ends it";
    }

    /** Ends a drain on demand; one line for the operator, starting with "not " when nothing was done. */
    public String undrainOnDemand() {
        if (drain.undrain()) {
            return "undrained: health checks are answered as before (" + drain.businessRequests()
                    + " business requests arrived during the drain)";
        }
        Drain.State state = drain.state();
        if (state == Drain.State.IDLE) {
            return "not undrained: no drain is on";
        }
        return "not undrained: the JVM is shutting down (SIGTERM), which undrain cannot undo";
    }

    private void drainStarted() {
        Runnable listener = startListener;
        if (listener != null) {
            listener.run();
        }
    }

    /** A daemon thread: it never keeps the JVM alive, whatever happens to the drain. */
    private boolean startWatcher() {
        try {
            Thread thread = AgentThreads.daemon(new Runnable() {
                @Override
                public void run() {
                    watch();
                }
            }, WATCHER_THREAD);
            watcher = thread;
            thread.start();
            return true;
        } catch (Throwable noThread) {
            log.warn("could not start the drain's thread (" + noThread + ")");
            return false;
        }
    }

    private void startSiblingWatch() {
        SiblingDrainWatch watch = siblingWatch;
        if (watch == null) {
            return;
        }
        try {
            AgentThreads.startDaemon(watch, SIBLING_THREAD);
        } catch (Throwable noThread) {
            log.warn("could not start the thread that asks the siblings during the drain (" + noThread
                    + "); the drain runs to its end");
        }
    }

    private void watch() {
        Drain.End end;
        try {
            end = drain.awaitEnd(DrainWaiter.SYSTEM);
        } catch (Throwable interrupted) {
            // Nobody interrupts this thread on purpose; if it happens, a SIGTERM must not go unanswered.
            end = drain.state() == Drain.State.DRAINING ? Drain.End.UNDRAINED : Drain.End.TIMEOUT;
        }
        if (end.releasesShutdown()) {
            passOn();
        }
    }

    private void passOn() {
        String failure = hook.passOn();
        if (failure != null) {
            log.warn("could not pass SIGTERM on to the JVM's handler (" + failure + "); halting as SIGTERM would");
            Runtime.getRuntime().exit(143);
        }
    }
}
