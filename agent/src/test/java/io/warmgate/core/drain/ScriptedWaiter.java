package io.warmgate.core.drain;

import io.warmgate.core.FakeClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits without waiting: moves the fake clock to the deadline the drain asked for, or to the next scripted
 * event before it, and runs that event (a business request, a signal, an undrain) on the waiting thread.
 */
final class ScriptedWaiter implements DrainWaiter {

    private record Event(long atNanos, Runnable action) {
    }

    private final FakeClock clock;
    private final List<Event> events = new ArrayList<>();
    private int waits;

    ScriptedWaiter(FakeClock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} when the clock reaches {@code at} (in {@code unit}s after now). */
    ScriptedWaiter at(long at, TimeUnit unit, Runnable action) {
        events.add(new Event(clock.nanoTime() + unit.toNanos(at), action));
        events.sort(Comparator.comparingLong(Event::atNanos));
        return this;
    }

    /** Runs {@code action} every {@code period} from one period after now, {@code count} times. */
    ScriptedWaiter every(long period, TimeUnit unit, int count, Runnable action) {
        for (int i = 1; i <= count; i++) {
            at(period * i, unit, action);
        }
        return this;
    }

    @Override
    public void await(Object lock, long nanos) {
        if (++waits > 100_000) {
            throw new AssertionError("the drain keeps waiting");
        }
        if (!Thread.holdsLock(lock)) {
            throw new AssertionError("waits without holding the lock");
        }
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : clock.nanoTime() + nanos;
        if (!events.isEmpty() && events.get(0).atNanos() <= deadline) {
            Event next = events.remove(0);
            clock.advanceNanos(Math.max(0, next.atNanos() - clock.nanoTime()));
            next.action().run();
            return;
        }
        if (nanos == Long.MAX_VALUE) {
            throw new AssertionError("waits forever with nothing scripted to wake it");
        }
        clock.advanceNanos(nanos);
    }
}
