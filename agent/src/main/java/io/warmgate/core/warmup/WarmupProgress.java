package io.warmgate.core.warmup;

import io.warmgate.core.Labels;
import io.warmgate.core.MonotonicClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm-up's figures as they are now, for monitoring (the JMX MBean): written by the warm-up threads, read
 * by anyone at any time. Thread-safe; each value is consistent on its own, not with the others.
 */
public final class WarmupProgress {

    /** Where the warm-up is. */
    public enum State {
        /** No warm-up is configured. */
        OFF,
        /** Configured; waiting for the first health check. */
        PENDING,
        RUNNING,
        /** Ended normally; some requests may still have failed. */
        FINISHED,
        /** Stopped by {@code warmup.timeout}. */
        TIMED_OUT,
        /** Ended without sending, or without any answer (wrong port, no port, internal failure). */
        FAILED;

        private final String label = Labels.of(this);

        /** Lower case, as the MBean shows it. */
        public String label() {
            return label;
        }
    }

    private final MonotonicClock clock;
    private volatile State state;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile int roundsCompleted;
    private volatile int port;
    private volatile RoundStats firstRound;
    private volatile RoundStats lastRound;
    private volatile long startNanos;
    private volatile long elapsedNanos = -1L;

    WarmupProgress(MonotonicClock clock, boolean configured) {
        this.clock = clock;
        this.state = configured ? State.PENDING : State.OFF;
    }

    /** The progress of a JVM without a warm-up: state {@link State#OFF}, every figure empty. */
    public static WarmupProgress off() {
        return new WarmupProgress(MonotonicClock.SYSTEM, false);
    }

    void started(int targetPort) {
        port = targetPort;
        startNanos = clock.nanoTime();
        state = State.RUNNING;
    }

    void requestDone(boolean error) {
        requests.incrementAndGet();
        if (error) {
            errors.incrementAndGet();
        }
    }

    void roundDone(RoundStats round) {
        if (firstRound == null) {
            firstRound = round;
        }
        if (round.complete()) {
            lastRound = round;
            roundsCompleted = round.round();
        }
    }

    void ended(WarmupReport report) {
        elapsedNanos = report.elapsedNanos();
        switch (report.outcome()) {
            case COMPLETED:
                state = State.FINISHED;
                break;
            case TIMED_OUT:
                state = State.TIMED_OUT;
                break;
            default:
                state = State.FAILED;
        }
    }

    public State state() {
        return state;
    }

    /** Requests sent so far, answered or not. */
    public long requests() {
        return requests.get();
    }

    /** Requests that got no answer or an HTTP status of 400 or more. */
    public long errors() {
        return errors.get();
    }

    public int roundsCompleted() {
        return roundsCompleted;
    }

    /** The port the warm-up sends to; 0 before it started. */
    public int port() {
        return port;
    }

    /** Milliseconds the warm-up ran (so far, while it runs); -1 before it started. */
    public double elapsedMillis() {
        long elapsed = elapsedNanos;
        if (elapsed < 0) {
            elapsed = state == State.RUNNING ? clock.nanoTime() - startNanos : -1L;
        }
        return elapsed < 0 ? -1.0 : elapsed / 1e6;
    }

    /** p50 of the first round in milliseconds; -1 until it has an answer. */
    public double firstRoundP50Millis() {
        return millis(firstRound, 50);
    }

    public double firstRoundP99Millis() {
        return millis(firstRound, 99);
    }

    /** p50 of the last complete round in milliseconds; -1 until one round is complete. */
    public double lastRoundP50Millis() {
        return millis(lastRound, 50);
    }

    public double lastRoundP99Millis() {
        return millis(lastRound, 99);
    }

    private static double millis(RoundStats round, int percent) {
        if (round == null || round.answered() == 0) {
            return -1.0;
        }
        return round.percentileNanos(percent) / 1e6;
    }
}
