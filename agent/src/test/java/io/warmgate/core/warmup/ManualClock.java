package io.warmgate.core.warmup;

import io.warmgate.core.MonotonicClock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so that measured latencies and durations are exact. */
final class ManualClock implements MonotonicClock {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advance(long amount, TimeUnit unit) {
        now.addAndGet(unit.toNanos(amount));
    }
}
