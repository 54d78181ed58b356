package io.warmgate.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. Starts at an arbitrary non-zero value, as System.nanoTime() does. */
public final class FakeClock implements MonotonicClock {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    public void advance(long amount, TimeUnit unit) {
        now.addAndGet(unit.toNanos(amount));
    }

    public void advanceNanos(long nanos) {
        now.addAndGet(nanos);
    }
}
