package io.warmgate.core.warmup;

import io.warmgate.core.AgentThreads;
import io.warmgate.core.Durations;
import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm-up's life in the agent: it learns the application's port from the first health check, starts the
 * warm-up once on its own daemon thread ({@code warmgate-warmup}), tells the agent its own requests apart from
 * everyone else's, logs the report, and always calls the "finished" action at the end, however the warm-up
 * went, so the ramp is never held back for longer than {@code warmup.timeout}.
 *
 * <p>Nothing here blocks the caller: the health-check thread that triggers
 * {@link #onHealthCheckWhileWarming()} only creates a thread.
 */
public final class WarmupCoordinator {

    /** Connecting on loopback either succeeds at once or is refused; this only bounds a full accept queue. */
    static final int CONNECT_TIMEOUT_MILLIS = 2000;
    /** How far past warmup.timeout a health check ends a hold that the warm-up thread has not ended itself. */
    static final long OVERRUN_GRACE_NANOS = 2000000000L;
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final WarmupPlan plan;
    private final AgentLog log;
    private final MonotonicClock clock;
    private final Runnable whenFinished;
    private final WarmupProgress progress;
    private final AtomicInteger detectedPort = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Null until the warm-up starts: before that no request can be the warm-up's. */
    private volatile WarmupToken token;
    /** When the warm-up started, or {@link #NOT_STARTED}. */
    private volatile long startNanos = NOT_STARTED;

    /**
     * @param whenFinished run once when the warm-up has ended, whatever the outcome (it starts the ramp); must
     *                     not block
     */
    public WarmupCoordinator(WarmupPlan plan, AgentLog log, MonotonicClock clock, Runnable whenFinished) {
        this.plan = plan;
        this.log = log;
        this.clock = clock;
        this.whenFinished = whenFinished;
        this.progress = new WarmupProgress(clock, true);
    }

    /** The live figures, for monitoring. */
    public WarmupProgress progress() {
        return progress;
    }

    /**
     * Remembers the port a health check arrived on; the first valid one is the warm-up's target unless
     * {@code warmup.port} is set. Cheap, and a no-op once a port is known.
     *
     * @param localPort the request's local port, or -1 when the server did not say
     */
    public void offerPort(int localPort) {
        if (localPort > 0 && localPort <= 65535 && detectedPort.get() == 0) {
            detectedPort.compareAndSet(0, localPort);
        }
    }

    /**
     * True only when {@code markerValue} is exactly this JVM's secret warm-up token: the request is the warm-up's
     * own and passes the gate untouched. Any other value (forged, guessed, stale) gets no special treatment.
     */
    public boolean isOwnRequest(String markerValue) {
        WarmupToken current = token;
        return markerValue != null && current != null && current.matches(markerValue);
    }

    /**
     * Called for every health check that the gate holds for the warm-up. The first call starts the warm-up on
     * its own daemon thread; later calls only check that it has not overrun {@code warmup.timeout} by more than
     * {@link #OVERRUN_GRACE_NANOS}. The warm-up thread ends the hold itself, by its timeout at the latest; this
     * check is the safety net for a thread that cannot (one that could not be created, or is stuck somewhere
     * unforeseen), so that health checks alone guarantee the hold ends. Returns at once.
     */
    public void onHealthCheckWhileWarming() {
        if (started.get() || !started.compareAndSet(false, true)) {
            endHoldIfOverrun();
            return;
        }
        startNanos = clock.nanoTime();
        try {
            AgentThreads.startDaemon(new Runnable() {
                @Override
                public void run() {
                    runWarmup();
                }
            }, "warmgate-warmup");
        } catch (Throwable noThread) {
            finish(failure("warm-up could not start its thread (" + noThread + ")", 0L));
        }
    }

    /** True once the warm-up has ended, however it went. */
    public boolean isFinished() {
        return finished.get();
    }

    private void endHoldIfOverrun() {
        long since = startNanos;
        if (finished.get() || since == NOT_STARTED) {
            return; // over, or the first call is still setting it up
        }
        long running = clock.nanoTime() - since;
        if (running > plan.timeoutNanos() + OVERRUN_GRACE_NANOS) {
            finish(failure("warm-up still running " + Durations.format(running) + " after it started, beyond "
                    + "warmup.timeout (" + Durations.format(plan.timeoutNanos()) + ")", running));
        }
    }

    private void runWarmup() {
        WarmupReport report = null;
        try {
            WarmupToken secret = WarmupToken.random();
            token = secret;
            int port = plan.port() > 0 ? plan.port() : detectedPort.get();
            if (port <= 0) {
                report = WarmupReport.withoutRequests(WarmupReport.Outcome.NO_PORT, 0L, "warm-up skipped: the "
                        + "application's port is not known (the health check did not report its local port); set "
                        + "warmup.port", plan.timeoutNanos());
            } else {
                progress.started(port);
                log.info("warm-up started: " + describe(port) + "; every load-balancer node is told 'not healthy' "
                        + "until it ends");
                LoopbackHttpClient client = new LoopbackHttpClient(port, plan.commonHeaders(), secret.value(),
                        CONNECT_TIMEOUT_MILLIS);
                report = new WarmupDriver(plan, port, client, clock, progress).run();
            }
        } catch (Throwable failure) {
            report = failure("warm-up failed (" + failure + ")", clock.nanoTime() - startNanos);
        } finally {
            finish(report);
        }
    }

    /** A report for a warm-up that went wrong inside the agent; null if even that cannot be made. */
    private WarmupReport failure(String why, long elapsedNanos) {
        try {
            return WarmupReport.withoutRequests(WarmupReport.Outcome.FAILED, elapsedNanos, why, plan.timeoutNanos());
        } catch (Throwable unusable) {
            return null;
        }
    }

    /**
     * Reports and ends the hold, exactly once. The hold is ended whatever happens while reporting: a
     * warm-up that cannot even report must not keep the instance out of its load balancer.
     */
    private void finish(WarmupReport report) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            if (report == null) {
                log.warn("warm-up failed; the ramp starts anyway");
            } else {
                progress.ended(report);
                String problem = report.problem();
                if (problem != null) {
                    log.warn(problem);
                }
                String source = plan.recordedSource();
                log.info(source == null ? report.summary() : report.summary() + "; list: " + source);
            }
        } catch (Throwable ignored) {
            // reporting must never keep the ramp from starting
        }
        try {
            whenFinished.run();
        } catch (Throwable failure) {
            log.error("could not end the warm-up hold (" + failure + "); please report this");
        }
    }

    /** {@code 20 requests per round, 3 rounds, concurrency 4, to 127.0.0.1:8080 (port of the first health check)}. */
    private String describe(int port) {
        int count = plan.requests().size();
        return count + (count == 1 ? " request" : " requests") + " per round, "
                + (plan.durationNanos() > 0 ? "rounds for " + Durations.format(plan.durationNanos())
                        : plan.rounds() + (plan.rounds() == 1 ? " round" : " rounds"))
                + ", concurrency " + plan.concurrency() + ", timeout " + Durations.format(plan.timeoutNanos())
                + ", to 127.0.0.1:" + port
                + (plan.port() > 0 ? " (warmup.port)" : " (the port of the first health check)")
                + (plan.recordedSource() == null ? "" : "; list: " + plan.recordedSource());
    }
}
