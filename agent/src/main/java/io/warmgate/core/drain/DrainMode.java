package io.warmgate.core.drain;

import io.warmgate.core.Labels;

/** Whether the agent drains when the JVM gets SIGTERM (the {@code drain} key). */
public enum DrainMode {
    /** Only when a health check arrived recently: a service no load balancer checks is never delayed. */
    AUTO,
    /** Always, even when no health check was seen (a load balancer that routes without checking). */
    ON,
    /** Never: SIGTERM is left entirely to the JVM and the application. */
    OFF;

    private final String label = Labels.of(this);

    public String label() {
        return label;
    }
}
