package io.warmgate.core.warmup;

import io.warmgate.core.Durations;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The result of one warm-up: what was sent, what failed, and the latency of the first round against the last,
 * which is the user's evidence that the warm-up helped. Immutable.
 */
final class WarmupReport {

    /** How the warm-up ended. */
    enum Outcome {
        /** Every configured round (or {@code warmup.duration}) was sent. */
        COMPLETED,
        /** {@code warmup.timeout} passed first. */
        TIMED_OUT,
        /** A whole round got no answer at all (wrong port, application not listening); more would not help. */
        NO_ANSWER,
        /** No port to send to: none configured and the first health check did not tell. */
        NO_PORT,
        /** An unexpected failure inside the agent. */
        FAILED
    }

    private final Outcome outcome;
    private final int port;
    private final long requests;
    private final long errors;
    private final int roundsCompleted;
    private final RoundStats firstRound;
    private final RoundStats lastRound;
    private final long elapsedNanos;
    private final String firstError;
    private final long timeoutNanos;

    /**
     * @param firstRound the first round that was started (possibly cut short), or null
     * @param lastRound  the last complete round, or null
     * @param firstError e.g. {@code GET /api/items: HTTP 404}, or null when nothing failed
     */
    WarmupReport(Outcome outcome, int port, long requests, long errors, int roundsCompleted, RoundStats firstRound,
                 RoundStats lastRound, long elapsedNanos, String firstError, long timeoutNanos) {
        this.outcome = outcome;
        this.port = port;
        this.requests = requests;
        this.errors = errors;
        this.roundsCompleted = roundsCompleted;
        this.firstRound = firstRound;
        this.lastRound = lastRound;
        this.elapsedNanos = elapsedNanos;
        this.firstError = firstError;
        this.timeoutNanos = timeoutNanos;
    }

    static WarmupReport withoutRequests(Outcome outcome, long elapsedNanos, String why, long timeoutNanos) {
        return new WarmupReport(outcome, 0, 0, 0, 0, null, null, elapsedNanos, why, timeoutNanos);
    }

    Outcome outcome() {
        return outcome;
    }

    long requests() {
        return requests;
    }

    long errors() {
        return errors;
    }

    int roundsCompleted() {
        return roundsCompleted;
    }

    RoundStats firstRound() {
        return firstRound;
    }

    RoundStats lastRound() {
        return lastRound;
    }

    long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * The INFO line printed at the end of every warm-up, for example
     * {@code warm-up finished in 1.2s: 60 requests, 0 errors, 3 rounds to port 8080; first round p50 6.1ms p99
     * 48.3ms, last round p50 0.21ms p99 0.6ms}.
     */
    String summary() {
        StringBuilder line = new StringBuilder(160)
                .append("warm-up finished in ").append(Durations.format(elapsedNanos)).append(": ")
                .append(requests).append(requests == 1 ? " request, " : " requests, ")
                .append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(roundsCompleted).append(roundsCompleted == 1 ? " round" : " rounds");
        if (port > 0) {
            line.append(" to port ").append(port);
        }
        if (outcome == Outcome.TIMED_OUT) {
            line.append(" (stopped by warmup.timeout)");
        }
        line.append("; ");
        if (firstRound == null || firstRound.answered() == 0) {
            return line.append("no answer to measure").toString();
        }
        appendRound(line, "first round", firstRound);
        if (lastRound != null && lastRound != firstRound) {
            appendRound(line.append(", "), "last round", lastRound);
        } else {
            line.append(", no later round to compare");
        }
        return line.toString();
    }

    private static void appendRound(StringBuilder line, String name, RoundStats round) {
        line.append(name);
        if (!round.complete()) {
            line.append(" (cut short)");
        }
        line.append(" p50 ").append(latency(round.p50Nanos()))
                .append(" p99 ").append(latency(round.p99Nanos()));
    }

    /**
     * Three significant digits, in milliseconds below a second ({@code 0.412ms}, {@code 25.9ms}) and in seconds
     * above ({@code 1.21s}): enough to compare rounds, without the noise of nanosecond digits.
     */
    static String latency(long nanos) {
        boolean seconds = nanos >= 1000000000L;
        BigDecimal value = BigDecimal.valueOf(nanos, seconds ? 9 : 6).round(new MathContext(3, RoundingMode.HALF_UP));
        return value.stripTrailingZeros().toPlainString() + (seconds ? "s" : "ms");
    }

    /** A WARN line when the warm-up did not do all it was asked to, or some requests failed; null otherwise. */
    String problem() {
        switch (outcome) {
            case TIMED_OUT:
                return "warm-up timed out after " + Durations.format(timeoutNanos) + " (warmup.timeout) with "
                        + roundsCompleted + " complete rounds" + firstErrorClause()
                        + "; the ramp starts anyway";
            case NO_ANSWER:
                return "warm-up gave up: no request of round " + (roundsCompleted) + " got an answer from "
                        + "127.0.0.1:" + port + firstErrorClause() + "; check warmup.port and the request "
                        + "paths. The ramp starts anyway";
            case NO_PORT:
            case FAILED:
                return firstError + "; the ramp starts anyway";
            default:
                return errors == 0 ? null : errors + " of " + requests + " warm-up requests failed"
                        + firstErrorClause();
        }
    }

    private String firstErrorClause() {
        return firstError == null ? "" : " (first error: " + firstError + ")";
    }

    @Override
    public String toString() {
        return outcome + ": " + summary();
    }
}
