package io.warmgate.bench.rollout;

import java.io.IOException;

/** Drives the fleet through one scenario's event, under load, and returns what was measured. */
interface ScenarioFlow extends AutoCloseable {

    ScenarioResult run(Scenario scenario, int repetition) throws IOException, InterruptedException;

    /** Stops whatever the flow keeps between runs (by PID). */
    @Override
    default void close() {
    }
}
