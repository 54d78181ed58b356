package io.warmgate.core;

/**
 * Where the gate is in its life. The gate's own phases only move forwards, in declaration order (WARMING may be
 * skipped); DRAINING is not one of them: it is reported whenever a drain is on, whatever the gate's phase.
 */
public enum Phase {
    /** No health check has arrived yet; the ramp has not started. */
    WAITING,
    /** The synthetic warm-up is running; every health check is denied. */
    WARMING,
    /** The ramp is running: a growing share of load-balancer nodes is told "healthy". */
    RAMPING,
    /** The ramp is over: every health check goes through to the application. */
    OPEN,
    /** The instance is leaving its load balancers (SIGTERM or a drain command): every health check is denied. */
    DRAINING;

    private final String label = Labels.of(this);

    /** The lower-case name used in the X-Warmgate header and in logs. */
    public String label() {
        return label;
    }
}
