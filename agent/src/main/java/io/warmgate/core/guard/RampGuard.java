package io.warmgate.core.guard;

import io.warmgate.core.BusinessObserver;
import io.warmgate.core.Durations;
import io.warmgate.core.GuardReading;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampHold;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The guard ({@code guard=on}): times the business requests into a rolling {@link LatencyWindow} while the ramp
 * needs it, and tells the ramp to stand still while the window's p99 or 5xx share is above its limit
 * ({@link GuardLimits}).
 *
 * <p>The request path ({@link #requestEnded}) is one clock read and the window's lock-free record. Judging the
 * window is done on health-check threads, at most every {@link #JUDGE_EVERY_NANOS}; in between they get the last
 * reading.
 */
public final class RampGuard implements BusinessObserver, RampHold {

    /** The window judged: the last 4.3 s, in 8 slots of 2^29 ns (0.54 s); powers of two keep recording cheap. */
    static final int SLOTS = 8;
    static final int SLOT_SHIFT = 29;
    /** Fewer requests than this in the window are not judged: at 4 requests/s the guard has nothing to say. */
    static final int MIN_SAMPLES = 20;
    static final long JUDGE_EVERY_NANOS = 250L * Durations.MILLISECOND;

    private final MonotonicClock clock;
    private final LatencyWindow window = new LatencyWindow(SLOTS, SLOT_SHIFT);
    private final GuardLimits limits;
    private final long maxExtendNanos;
    /**
     * True from the ramp's start to its end: before it, no load balancer sends traffic yet (and a service that is
     * never health-checked never starts a ramp); after it, business requests are not timed at all.
     */
    private volatile boolean active;
    /** Set when the ramp is over, so a late start notice cannot turn timing back on. */
    private volatile boolean over;
    private final AtomicLong nextJudgementNanos;
    private volatile GuardReading last = GuardReading.NO_DATA;

    /**
     * @param absoluteP99Nanos {@code guard.p99}, or 0 to derive the limit from the instance itself
     * @param errorPoints      {@code guard.errors} as a fraction (0.05 for 5 percentage points)
     * @param maxExtendNanos   {@code guard.max-extend}: the most the ramp may be held in total
     */
    public RampGuard(MonotonicClock clock, long absoluteP99Nanos, double errorPoints, long maxExtendNanos) {
        this.clock = clock;
        this.limits = new GuardLimits(absoluteP99Nanos, errorPoints, MIN_SAMPLES);
        this.maxExtendNanos = maxExtendNanos;
        this.nextJudgementNanos = new AtomicLong(clock.nanoTime());
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public void requestEnded(String method, String path, String query, int status, long elapsedNanos) {
        window.record(clock.nanoTime(), elapsedNanos, status >= 500);
    }

    @Override
    public GuardReading reading(long nowNanos) {
        long next = nextJudgementNanos.get();
        if (nowNanos - next < 0 || !nextJudgementNanos.compareAndSet(next, nowNanos + JUDGE_EVERY_NANOS)) {
            return last;
        }
        return judge(nowNanos);
    }

    private synchronized GuardReading judge(long nowNanos) {
        GuardReading reading = limits.judge(window.read(nowNanos));
        last = reading;
        return reading;
    }

    @Override
    public long maxExtendNanos() {
        return maxExtendNanos;
    }

    @Override
    public void rampStarted() {
        if (!over) {
            active = true;
        }
    }

    @Override
    public void rampOver() {
        over = true;
        active = false;
    }

    /** The last judgement, for the MBean. */
    public GuardReading lastReading() {
        return last;
    }

    /** True while business requests are being timed. */
    public boolean collecting() {
        return active;
    }

    /** True once the ramp is over (or the guard's bound used up). */
    public boolean done() {
        return over;
    }
}
