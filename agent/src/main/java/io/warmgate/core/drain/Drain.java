package io.warmgate.core.drain;

import io.warmgate.core.AgentLog;
import io.warmgate.core.Durations;
import io.warmgate.core.Labels;
import io.warmgate.core.MonotonicClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The drain: while it is on, every health check is denied ({@code phase=draining}) and business requests are
 * still served and counted. A drain starts on SIGTERM ({@link #onSignal}) or on demand ({@link #startOnDemand});
 * a shutdown drain ends when no business request arrived for {@code drain.quiet}, or at {@code drain.timeout}
 * after the signal at the latest, and the shutdown then proceeds. A drain on demand ends only with
 * {@link #undrain}, or turns into a shutdown drain when SIGTERM arrives during it.
 *
 * <p>The per-request parts ({@link #isDraining}, {@link #businessRequest}, {@link #healthCheckSeen}) are
 * lock-free; state changes take one lock, which the watcher ({@link #awaitEnd}) waits on. Nothing here installs
 * signal handlers or starts threads: the agent does, and calls in.
 */
public final class Drain {

    /**
     * {@code drain=auto} drains only when a health check arrived within this window before SIGTERM: twice the
     * longest usual check interval (ALB's default of 30 s), so one missed or slow check does not skip the drain.
     */
    public static final long RECENT_CHECK_NANOS = 60L * Durations.SECOND;

    /** The {@code X-Warmgate} header of every health check denied by the drain. */
    public static final String HEADER_VALUE = "phase=draining";

    /** The one-line body of every health check denied by the drain. */
    public static final String DENIAL_BODY =
            "warmgate: this instance is draining; it is not healthy for any load balancer node\n";

    /** What the SIGTERM handler does after {@link #onSignal}. */
    public enum SignalAction {
        /** A drain started: run {@link #awaitEnd} on a daemon thread, then pass the signal on. */
        DRAIN,
        /** A drain on demand was on; it now ends like a shutdown drain, and its running watcher passes the signal on. */
        JOINED,
        /** No drain (any more): pass the signal on now, exactly as if the agent were not there. */
        PASS_ON
    }

    /** How a drain ended. */
    public enum End {
        /** No business request for {@code drain.quiet}. */
        QUIET,
        /** {@code drain.timeout} after SIGTERM. */
        TIMEOUT,
        /** A second SIGTERM during the drain. */
        SECOND_SIGNAL,
        /**
         * No sibling instance is healthy and open ({@link #endForStoppingFleet}): the whole fleet is stopping, so
         * holding health checks at 503 would only leave the load balancer without any server.
         */
        FLEET_STOPPING,
        /** {@link #undrain} (drains on demand only): the process goes on serving. */
        UNDRAINED;

        /** True when the shutdown the first SIGTERM asked for now proceeds. */
        public boolean releasesShutdown() {
            return this != UNDRAINED;
        }
    }

    /** The drain's state, as the MBean shows it. */
    public enum State {
        IDLE,
        /** On demand: until undrain. */
        DRAINING,
        /** After SIGTERM: until quiet or the timeout. */
        DRAINING_FOR_SHUTDOWN,
        /** SIGTERM was passed on; health checks stay denied until the JVM is gone. */
        SHUTTING_DOWN;

        private final String label = Labels.of(this);

        public String label() {
            return label;
        }
    }

    private final DrainMode mode;
    private final long quietNanos;
    private final long timeoutNanos;
    private final MonotonicClock clock;
    private final AgentLog log;

    private final Object lock = new Object();
    /** Read on every request while the agent watches business traffic: the one flag the hot path reads. */
    private volatile boolean draining;
    private volatile boolean healthCheckSeen;
    private volatile long lastHealthCheckNanos;
    /** The drain's start, or the last business request during it, whichever is later. */
    private volatile long lastBusinessNanos;
    private final AtomicLong businessRequests = new AtomicLong();

    // Guarded by lock.
    private State state = State.IDLE;
    /** Counts drains, so the watcher of an ended drain on demand never acts on a later one. */
    private int generation;
    private long startNanos;
    private long signalNanos;
    /** When the last drain ended; meaningless while one is on. */
    private long endNanos;
    private boolean everStarted;
    /** How the shutdown drain ended when something other than its watcher ended it (second SIGTERM, fleet). */
    private End endedBy = End.SECOND_SIGNAL;

    /**
     * @param quietNanos   {@code drain.quiet}
     * @param timeoutNanos {@code drain.timeout}, counted from SIGTERM
     */
    public Drain(DrainMode mode, long quietNanos, long timeoutNanos, MonotonicClock clock, AgentLog log) {
        if (mode == null || clock == null || log == null) {
            throw new NullPointerException("mode, clock and log are required");
        }
        this.mode = mode;
        this.quietNanos = quietNanos;
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
        this.log = log;
    }

    public DrainMode mode() {
        return mode;
    }

    /** True while health checks are denied: from the drain's start until undrain, or until the JVM is gone. */
    public boolean isDraining() {
        return draining;
    }

    /** A load-balancer health check arrived (for {@code drain=auto}). Lock-free. */
    public void healthCheckSeen() {
        lastHealthCheckNanos = clock.nanoTime();
        healthCheckSeen = true;
    }

    /** A business request arrived; counted only while draining. Lock-free. */
    public void businessRequest() {
        if (draining) {
            lastBusinessNanos = clock.nanoTime();
            businessRequests.incrementAndGet();
        }
    }

    /** The JVM got SIGTERM. Decides whether to drain; the caller acts on the answer. */
    public SignalAction onSignal() {
        synchronized (lock) {
            long now = clock.nanoTime();
            switch (state) {
                case SHUTTING_DOWN:
                    return SignalAction.PASS_ON;
                case DRAINING_FOR_SHUTDOWN:
                    // A second SIGTERM means "now": the shutdown must not be slower than without the agent.
                    state = State.SHUTTING_DOWN;
                    endNanos = now;
                    endedBy = End.SECOND_SIGNAL;
                    log.info("drain finished: a second SIGTERM ends it after " + seconds(now - startNanos) + "; "
                            + businessRequests.get() + " business requests arrived during the drain; shutdown "
                            + "proceeds now");
                    lock.notifyAll();
                    return SignalAction.PASS_ON;
                case DRAINING:
                    state = State.DRAINING_FOR_SHUTDOWN;
                    signalNanos = now;
                    log.info("SIGTERM during a drain on demand: shutdown proceeds once no business request arrived for "
                            + Durations.format(quietNanos) + " (drain.quiet), or at " + Durations.format(timeoutNanos)
                            + " (drain.timeout)");
                    lock.notifyAll();
                    return SignalAction.JOINED;
                default:
                    String noDrain = reasonNotToDrain(now);
                    if (noDrain != null) {
                        state = State.SHUTTING_DOWN;
                        log.info("SIGTERM: no drain, " + noDrain + "; shutdown proceeds");
                        return SignalAction.PASS_ON;
                    }
                    begin(State.DRAINING_FOR_SHUTDOWN, now);
                    signalNanos = now;
                    log.info("drain started on SIGTERM: health checks answer 503 phase=draining to every node while "
                            + "business requests are served; shutdown proceeds once no business request arrived for "
                            + Durations.format(quietNanos) + " (drain.quiet), or at " + Durations.format(timeoutNanos)
                            + " (drain.timeout)");
                    return SignalAction.DRAIN;
            }
        }
    }

    private String reasonNotToDrain(long now) {
        if (mode == DrainMode.OFF) {
            return "drain=off";
        }
        if (mode == DrainMode.ON) {
            return null;
        }
        if (!healthCheckSeen) {
            return "because no health check was ever seen, so no load balancer routes here (drain=auto)";
        }
        long sinceCheck = now - lastHealthCheckNanos;
        if (sinceCheck > RECENT_CHECK_NANOS) {
            return "because the last health check was " + seconds(sinceCheck) + " ago, more than "
                    + Durations.format(RECENT_CHECK_NANOS) + ", so no load balancer seems to route here (drain=auto)";
        }
        return null;
    }

    /**
     * Starts a drain on demand (the drain command or the MBean), whatever {@code drain} says: an operator asked.
     *
     * @return true when this call started it; false when a drain is on already, or the JVM is shutting down
     */
    public boolean startOnDemand() {
        synchronized (lock) {
            if (state != State.IDLE) {
                return false;
            }
            begin(State.DRAINING, clock.nanoTime());
            log.info("drain started on demand: health checks answer 503 phase=draining to every node while business "
                    + "requests are served, until undrain");
            return true;
        }
    }

    /**
     * Ends a drain on demand: health checks are answered as before.
     *
     * @return true when this call ended it; false when no drain on demand is on (a shutdown drain cannot be
     *         undone: the JVM is stopping)
     */
    public boolean undrain() {
        synchronized (lock) {
            if (state != State.DRAINING) {
                return false;
            }
            long now = clock.nanoTime();
            state = State.IDLE;
            endNanos = now;
            draining = false;
            log.info("drain ended by undrain after " + seconds(now - startNanos) + "; " + businessRequests.get()
                    + " business requests arrived during the drain; health checks are answered as before");
            lock.notifyAll();
            return true;
        }
    }

    private void begin(State drainState, long now) {
        state = drainState;
        generation++;
        everStarted = true;
        startNanos = now;
        businessRequests.set(0);
        lastBusinessNanos = now;
        draining = true;
    }

    /**
     * Waits until the drain that is on now ends, and says how. For a shutdown drain that is quiet, the timeout or
     * a second SIGTERM; for a drain on demand, undrain, or whatever ends the shutdown drain it turned into. A
     * drain on demand logs once when business traffic has become quiet, so operators know the load balancers
     * have let go.
     */
    public End awaitEnd(DrainWaiter waiter) throws InterruptedException {
        synchronized (lock) {
            int watched = generation;
            boolean quietReported = false;
            while (true) {
                if (generation != watched || state == State.IDLE) {
                    return End.UNDRAINED;
                }
                if (state == State.SHUTTING_DOWN) {
                    return endedBy; // whoever ended it logged it
                }
                long now = clock.nanoTime();
                long quietFor = now - lastBusinessNanos;
                if (state == State.DRAINING_FOR_SHUTDOWN) {
                    if (quietFor >= quietNanos) {
                        return release(End.QUIET, now, quietFor);
                    }
                    long sinceSignal = now - signalNanos;
                    if (sinceSignal >= timeoutNanos) {
                        return release(End.TIMEOUT, now, quietFor);
                    }
                    waiter.await(lock, Math.min(quietNanos - quietFor, timeoutNanos - sinceSignal));
                    continue;
                }
                if (!quietReported && quietFor >= quietNanos) {
                    quietReported = true;
                    log.info("drain: no business request for " + Durations.format(quietNanos) + " (drain.quiet), "
                            + seconds(now - startNanos) + " after the drain started; the load balancers have stopped "
                            + "sending traffic here (" + businessRequests.get() + " business requests arrived during "
                            + "the drain)");
                }
                waiter.await(lock, quietReported ? Long.MAX_VALUE : quietNanos - quietFor);
            }
        }
    }

    /**
     * Ends a shutdown drain because no sibling instance serves every node: the whole fleet is stopping (a
     * Recreate deploy, a scale to zero, every instance told to stop at once), and a drain only helps when the load
     * balancer has somewhere else to send the traffic. Without one, health checks held at 503 would take the last
     * servers away from every node while they could still serve, which is worse than stopping as without the agent.
     *
     * @param details what the siblings answered, for the log
     * @return true when this call ended the drain; false when no shutdown drain is on
     */
    public boolean endForStoppingFleet(String details) {
        synchronized (lock) {
            if (state != State.DRAINING_FOR_SHUTDOWN) {
                return false;
            }
            long now = clock.nanoTime();
            state = State.SHUTTING_DOWN;
            endNanos = now;
            endedBy = End.FLEET_STOPPING;
            log.info("drain finished: no sibling instance serves every node (" + details + "), so the whole fleet "
                    + "is stopping and a drain would leave the load balancer without any server; "
                    + seconds(now - startNanos) + " after the drain started, " + businessRequests.get()
                    + " business requests arrived during the drain; shutdown proceeds now");
            lock.notifyAll();
            return true;
        }
    }

    private End release(End end, long now, long quietFor) {
        state = State.SHUTTING_DOWN;
        endNanos = now;
        String why = end == End.QUIET
                ? "no business request for " + Durations.format(quietNanos) + " (drain.quiet)"
                : "drain.timeout (" + Durations.format(timeoutNanos) + ") reached while business requests still "
                        + "arrived (the last one " + seconds(quietFor) + " ago)";
        log.info("drain finished: " + why + ", " + seconds(now - startNanos) + " after the drain started; "
                + businessRequests.get() + " business requests arrived during the drain; shutdown proceeds");
        return end;
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** How long the drain that is on has lasted, or how long the last one lasted; -1 before the first. */
    public long elapsedNanos() {
        synchronized (lock) {
            if (!everStarted) {
                return -1L;
            }
            boolean on = state == State.DRAINING || state == State.DRAINING_FOR_SHUTDOWN;
            return (on ? clock.nanoTime() : endNanos) - startNanos;
        }
    }

    /** Business requests during the drain that is on, or during the last one. */
    public long businessRequests() {
        return businessRequests.get();
    }

    /** How long no business request has arrived in the drain that is on; -1 when none is on. */
    public long quietForNanos() {
        return draining ? clock.nanoTime() - lastBusinessNanos : -1L;
    }

    public long quietNanos() {
        return quietNanos;
    }

    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Seconds with one decimal, e.g. {@code 7.2s}: log lines give elapsed times this way. */
    static String seconds(long nanos) {
        long tenths = Math.max(0L, (nanos + Durations.SECOND / 20) / (Durations.SECOND / 10));
        return (tenths / 10) + "." + (tenths % 10) + "s";
    }
}
