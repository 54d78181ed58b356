package io.warmgate.core;

/**
 * Source of elapsed time for the ramp. The ramp must never follow wall-clock time: an NTP step or a manual
 * clock change would jump the ramp forwards or backwards. Tests substitute a fake clock.
 */
public interface MonotonicClock {

    /** Nanoseconds from an arbitrary fixed origin; only differences between two readings mean anything. */
    long nanoTime();

    /**
     * {@link System#nanoTime()}. An anonymous class rather than a method reference, as everywhere in the agent:
     * a lambda's first use bootstraps java.lang.invoke, which costs startup time in premain and can load
     * classes while the agent's own class transformer is active.
     */
    MonotonicClock SYSTEM = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public String toString() {
            return "MonotonicClock.SYSTEM";
        }
    };
}
