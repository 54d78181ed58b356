package io.warmgate.agent.jmx;

/**
 * The gate as JMX shows it, under {@value GateStatus#OBJECT_NAME}. A standard MBean with read-only attributes of
 * JDK types only, so any JMX client (jconsole, VisualVM, jmxterm, a Prometheus JMX exporter) can read it without
 * warmgate's classes. Each attribute is read live; they are not a consistent snapshot of one moment. Two
 * operations, {@link #drain()} and {@link #undrain()}, take the instance out of its load balancers and back.
 */
public interface GateStatusMBean {

    /**
     * {@code waiting} (no health check yet), {@code warming}, {@code ramping} or {@code open}; {@code draining}
     * whenever a drain is on, whatever the ramp's phase.
     */
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

    /**
     * Load-balancer health checks the gate decided, one per request however many filters, servlets and server
     * layers it passed (the kubelet's probes, fleet checks and the warm-up's own requests are not decisions).
     */
    long getHealthChecksDecided();

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

    /**
     * Starts a drain on demand: every health check answers 503 {@code phase=draining}, business requests are
     * served, until {@link #undrain()}. The process keeps running.
     *
     * @return one line saying what happened; it starts with "not " when nothing was done
     */
    String drain();

    /** Ends a drain on demand (not a drain after SIGTERM); one line, starting with "not " when nothing was done. */
    String undrain();

    /** {@code idle}, {@code draining} (on demand), {@code draining-for-shutdown} or {@code shutting-down}. */
    String getDrainState();

    /** How long the current drain has lasted, or the last one lasted; -1 before the first. */
    double getDrainSeconds();

    /** Business requests that arrived during the current (or the last) drain. */
    long getDrainBusinessRequests();

    /** Seconds since the last business request of the current drain (or since its start); -1 when none is on. */
    double getDrainQuietSeconds();

    /** The configured {@code drain.quiet}, in seconds. */
    double getDrainQuietSetting();

    /**
     * {@code off} ({@code guard=off}), {@code waiting} (for the ramp to start), {@code watching} (timing business
     * requests), {@code holding} (the ramp
     * stands still), {@code spent} ({@code guard.max-extend} used up) or {@code done} (the ramp is over).
     */
    String getGuardState();

    /** How long the guard has held the ramp so far, in seconds. */
    double getGuardPausedSeconds();

    /** How many times the guard paused the ramp. */
    int getGuardPauses();

    /** The p99 of the business requests in the last window judged, in milliseconds; -1 when not judged. */
    double getGuardP99Millis();

    /** The p99 above which the guard holds the ramp, in milliseconds; -1 when not judged yet. */
    double getGuardLimitMillis();

    /** The 5xx share of the last window judged, in percent; -1 when not judged. */
    double getGuardErrorPercent();

    /** Business requests in the last window looked at. */
    long getGuardSamples();

    /** {@code off} (no {@code warmup.record}), {@code recording}, or {@code stopped} (after the last write). */
    String getRecordState();

    /** The {@code warmup.record} file; empty when off. */
    String getRecordFile();

    /** GET and HEAD business requests without a 5xx seen since the start; -1 when off. */
    long getRecordRequestsSeen();

    /** Distinct request lines the recording holds in memory now. */
    int getRecordLinesInMemory();

    /** When the file was last written, ISO-8601 in UTC; empty before the first write. */
    String getRecordLastWrite();

    /** Request lines in the last file written. */
    int getRecordLastWriteLines();

    /** Why the last write failed; empty when it did not. */
    String getRecordLastProblem();
}
