package io.warmgate.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a kind of log line through at most once per interval, and counts the ones held back so the next line
 * shown can say how many there were. Lock-free; events may come from any thread.
 */
public final class LineRateLimit {

    private final MonotonicClock clock;
    private final long intervalNanos;
    private final AtomicLong nextShown;
    private final AtomicInteger held = new AtomicInteger();

    public LineRateLimit(MonotonicClock clock, long intervalNanos) {
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.nextShown = new AtomicLong(clock.nanoTime());
    }

    /**
     * @return -1 when this line is to be held back; otherwise how many were held back since the last one shown
     */
    public int tryShow() {
        long now = clock.nanoTime();
        long next = nextShown.get();
        if (now - next < 0 || !nextShown.compareAndSet(next, now + intervalNanos)) {
            held.incrementAndGet();
            return -1;
        }
        return held.getAndSet(0);
    }
}
