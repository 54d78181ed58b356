package io.warmgate.core;

/**
 * What may make the ramp's clock stand still: asked by {@link RampGate} at health checks while it ramps. While
 * the answer holds, elapsed ramp time stops advancing, so the percent stops growing and no new node is let in;
 * nodes already allowed stay allowed. The gate bounds the total hold by {@link #maxExtendNanos()}.
 */
public interface RampHold {

    /** Never holds: the ramp runs by the clock alone ({@code guard=off}). */
    RampHold NONE = new RampHold() {
        @Override
        public GuardReading reading(long nowNanos) {
            return GuardReading.NO_DATA;
        }

        @Override
        public long maxExtendNanos() {
            return 0L;
        }

        @Override
        public void rampStarted() {
        }

        @Override
        public void rampOver() {
        }

        @Override
        public String toString() {
            return "RampHold.NONE";
        }
    };

    /**
     * The latest judgement of the instance. Called on health-check threads, so it must be quick: implementations
     * judge at most every so often and otherwise return the last reading.
     */
    GuardReading reading(long nowNanos);

    /** The most the ramp may be held in total; after that it goes on by the clock. */
    long maxExtendNanos();

    /** The ramp started: readings will be asked for from now on. */
    void rampStarted();

    /** The ramp is over (finished, skipped, or the hold is spent): no more readings are needed. */
    void rampOver();
}
