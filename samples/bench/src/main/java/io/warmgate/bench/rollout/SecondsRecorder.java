package io.warmgate.bench.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Per-second latency histograms, keyed by each request's INTENDED send time.
 *
 * <p>Latency is measured from when a request should have been sent, by the fixed schedule, to when its answer
 * (or its failure) arrived. A request the generator sends late because everything is slow is charged for the
 * wait, so queueing shows up in the figures instead of being hidden (no coordinated omission).
 *
 * <p>Every request is recorded, failures included (a timed-out request has at least the timeout as latency);
 * failures are also counted as errors. Thread-safe: completions arrive on the HTTP client's threads.
 */
public final class SecondsRecorder {

    /** Latencies are recorded in microseconds up to this bound (larger values are clamped to it). */
    static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.SECONDS.toMicros(120);
    private static final int SIGNIFICANT_DIGITS = 3;

    /** One second of the run. Guarded by its own monitor. */
    private static final class Slot {
        final Histogram latencyMicros = new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
        long answered;
        ErrorCounts errors = ErrorCounts.NONE;
        long fromNewInstance;
    }

    private final long originNanos;
    private final Slot[] slots;

    /**
     * @param originNanos {@link System#nanoTime()} of second 0 (the first intended send)
     * @param seconds     how many seconds can be recorded; later requests are not recorded
     */
    public SecondsRecorder(long originNanos, int seconds) {
        this.originNanos = originNanos;
        this.slots = new Slot[seconds];
        for (int i = 0; i < seconds; i++) {
            slots[i] = new Slot();
        }
    }

    public long originNanos() {
        return originNanos;
    }

    public int capacitySeconds() {
        return slots.length;
    }

    /**
     * A request that got an HTTP answer with status 2xx (counted as answered) or another status (an error).
     *
     * @param servedBy the {@link HaproxyConfig#SERVED_BY_HEADER} value, or null when the answer had none
     * @param fromNewInstance whether it came from the instance the scenario tracks
     */
    public void recordAnswer(long intendedNanos, long completedNanos, int status, String servedBy,
                             boolean fromNewInstance) {
        Slot slot = slotOf(intendedNanos);
        if (slot == null) {
            return;
        }
        long micros = latencyMicros(intendedNanos, completedNanos);
        synchronized (slot) {
            slot.latencyMicros.recordValue(micros);
            ErrorKind kind = ErrorKind.ofAnswer(status, servedBy != null);
            if (kind == null) {
                slot.answered++;
                if (fromNewInstance) {
                    slot.fromNewInstance++;
                }
            } else {
                slot.errors = slot.errors.plus(kind);
            }
        }
    }

    /** A request that got no answer: timeout, refused or reset connection, or not sent at all (overload guard). */
    public void recordFailure(long intendedNanos, long completedNanos) {
        Slot slot = slotOf(intendedNanos);
        if (slot == null) {
            return;
        }
        long micros = latencyMicros(intendedNanos, completedNanos);
        synchronized (slot) {
            slot.latencyMicros.recordValue(micros);
            slot.errors = slot.errors.plus(ErrorKind.NO_ANSWER);
        }
    }

    /** Seconds since the origin, for a nanoTime reading. */
    public double secondsSinceOrigin(long nanos) {
        return (nanos - originNanos) / 1e9;
    }

    /** The first second in which the new instance answered a request, or -1 if it has not (yet). */
    public int firstSecondWithNewInstanceTraffic() {
        for (int second = 0; second < slots.length; second++) {
            Slot slot = slots[second];
            synchronized (slot) {
                if (slot.fromNewInstance > 0) {
                    return second;
                }
            }
        }
        return -1;
    }

    /** One row per second from 0 up to (excluding) {@code endSecond}. */
    public List<SecondStats> seconds(int endSecond) {
        List<SecondStats> rows = new ArrayList<>();
        for (int second = 0; second < Math.min(endSecond, slots.length); second++) {
            Slot slot = slots[second];
            synchronized (slot) {
                rows.add(new SecondStats(second, slot.answered, slot.errors.total(), slot.fromNewInstance,
                        slot.latencyMicros.getTotalCount() == 0 ? 0 : slot.latencyMicros.getValueAtPercentile(50),
                        slot.latencyMicros.getTotalCount() == 0 ? 0 : slot.latencyMicros.getValueAtPercentile(99),
                        slot.latencyMicros.getMaxValue()));
            }
        }
        return rows;
    }

    /** Requests answered with 2xx over the whole run. */
    public long answeredTotal() {
        long answered = 0;
        for (Slot slot : slots) {
            synchronized (slot) {
                answered += slot.answered;
            }
        }
        return answered;
    }

    /** All latencies recorded for intended send times in [fromSecond, toSecond). */
    public Histogram merged(int fromSecond, int toSecond) {
        Histogram merged = new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
        for (int second = Math.max(0, fromSecond); second < Math.min(toSecond, slots.length); second++) {
            Slot slot = slots[second];
            synchronized (slot) {
                merged.add(slot.latencyMicros);
            }
        }
        return merged;
    }

    /** Errors for intended send times in [fromSecond, toSecond), by kind. */
    public ErrorCounts errors(int fromSecond, int toSecond) {
        ErrorCounts errors = ErrorCounts.NONE;
        for (int second = Math.max(0, fromSecond); second < Math.min(toSecond, slots.length); second++) {
            Slot slot = slots[second];
            synchronized (slot) {
                errors = errors.plus(slot.errors);
            }
        }
        return errors;
    }

    private Slot slotOf(long intendedNanos) {
        long second = Math.floorDiv(intendedNanos - originNanos, 1_000_000_000L);
        return second >= 0 && second < slots.length ? slots[(int) second] : null;
    }

    private static long latencyMicros(long intendedNanos, long completedNanos) {
        long micros = Math.max(0, (completedNanos - intendedNanos) / 1_000);
        return Math.min(micros, HIGHEST_TRACKABLE_MICROS);
    }
}
