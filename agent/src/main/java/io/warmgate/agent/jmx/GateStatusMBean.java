package io.warmgate.agent.jmx;

/**
 * The gate as JMX shows it, under {@value GateStatus#OBJECT_NAME}. A standard MBean with read-only attributes of
 * JDK types only, so any JMX client (jconsole, VisualVM, jmxterm, a Prometheus JMX exporter) can read it without
 * warmgate's classes. Each attribute is read live; they are not a consistent snapshot of one moment.
 */
public interface GateStatusMBean {

    /** {@code waiting} (no health check yet), {@code warming}, {@code ramping} or {@code open}. */
    String getPhase();

    /** The ramp's percent now: 0 before it started, 100 once open. */
    double getPercent();

    /** When the ramp started, ISO-8601 in UTC (e.g. {@code 2024-05-06T10:15:30.123Z}); empty before. */
    String getRampStart();

    /** When the ramp started, in milliseconds since the epoch; -1 before. */
    long getRampStartEpochMillis();

    /** The configured ramp length ({@code duration}). */
    double getRampDurationSeconds();

    /** Distinct load-balancer nodes (peers) that sent a gated health check. */
    int getPeersSeen();

    /** Peers that are told "healthy" now. */
    int getPeersAllowed();

    /** Peers that are told "not yet healthy" now. */
    int getPeersDenied();

    /** {@code off}, {@code pending}, {@code running}, {@code finished}, {@code timed-out} or {@code failed}. */
    String getWarmupState();

    /** Warm-up requests sent so far. */
    long getWarmupRequests();

    /** Warm-up requests without an answer or with HTTP status 400 or more. */
    long getWarmupErrors();

    int getWarmupRoundsCompleted();

    /** The port on 127.0.0.1 the warm-up sends to; 0 before it started. */
    int getWarmupPort();

    /** Milliseconds the warm-up ran (so far, while it runs); -1 before it started. */
    double getWarmupElapsedMillis();

    /** Median latency of the first round in milliseconds; -1 until measured. */
    double getWarmupFirstRoundP50Millis();

    double getWarmupFirstRoundP99Millis();

    /** Median latency of the last complete round in milliseconds; -1 until measured. */
    double getWarmupLastRoundP50Millis();

    double getWarmupLastRoundP99Millis();
}
