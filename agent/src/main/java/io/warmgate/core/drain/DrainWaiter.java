package io.warmgate.core.drain;

import java.util.concurrent.TimeUnit;

/** How the drain's watcher waits for its next deadline. Tests substitute one that moves a fake clock instead. */
public interface DrainWaiter {

    /**
     * Waits on {@code lock}, whose monitor the caller holds, until notified or for at most {@code nanos}
     * ({@link Long#MAX_VALUE}: until notified). Spurious wake-ups are allowed: the caller checks again.
     */
    void await(Object lock, long nanos) throws InterruptedException;

    /** Object.wait with a timeout. An anonymous class, not a lambda, as everywhere in the agent. */
    DrainWaiter SYSTEM = new DrainWaiter() {
        @Override
        public void await(Object lock, long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        }
    };
}
