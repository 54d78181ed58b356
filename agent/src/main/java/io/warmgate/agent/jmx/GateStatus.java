package io.warmgate.agent.jmx;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.core.AgentLog;
import io.warmgate.core.GuardReading;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.Phase;
import io.warmgate.core.RampGate;
import io.warmgate.core.drain.Drain;
import io.warmgate.core.guard.RampGuard;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.WarmupProgress;

import java.time.Instant;

/**
 * Reads the gate, the warm-up and the drain for JMX, and starts and ends drains on demand; holds no state of its
 * own except the ramp start as wall-clock time.
 */
public final class GateStatus implements GateStatusMBean {

    /** The MBean's ObjectName, documented in src/docs/operations.md. */
    public static final String OBJECT_NAME = "io.warmgate:type=Gate";

    private final RampGate gate;
    private final WarmupProgress warmup;
    private final MonotonicClock clock;
    private final ShutdownDrain drain;
    /** Null with {@code guard=off}. */
    private final RampGuard guard;
    /** Null when nothing is recorded. */
    private final TrafficRecorder recorder;
    /** The ramp start in epoch milliseconds, fixed at the first read after it started so it never wobbles. */
    private volatile long rampStartEpochMillis = -1L;

    /**
     * @param clock the gate's clock, to turn its start reading into wall-clock time
     */
    public GateStatus(RampGate gate, WarmupProgress warmup, MonotonicClock clock) {
        this(gate, warmup, clock, ShutdownDrain.none(AgentLog.stderr(AgentLog.Level.INFO)));
    }

    /** @param drain the drain its attributes show and its operations start and end */
    public GateStatus(RampGate gate, WarmupProgress warmup, MonotonicClock clock, ShutdownDrain drain) {
        this(gate, warmup, clock, drain, null);
    }

    /** @param recorder the recording ({@code warmup.record}) its attributes show; null for none */
    public GateStatus(RampGate gate, WarmupProgress warmup, MonotonicClock clock, ShutdownDrain drain,
                      TrafficRecorder recorder) {
        this(gate, warmup, clock, drain, recorder, null);
    }

    /** @param guard the guard whose state it shows; null with {@code guard=off} */
    public GateStatus(RampGate gate, WarmupProgress warmup, MonotonicClock clock, ShutdownDrain drain,
                      TrafficRecorder recorder, RampGuard guard) {
        this.recorder = recorder;
        this.guard = guard;
        this.gate = gate;
        this.warmup = warmup;
        this.clock = clock;
        this.drain = drain;
    }

    @Override
    public long getHealthChecksDecided() {
        return gate.decisions();
    }

    @Override
    public String getGuardState() {
        if (guard == null) {
            return "off";
        }
        if (gate.holdSpent()) {
            return "spent";
        }
        if (gate.isPaused()) {
            return "holding";
        }
        if (guard.done()) {
            return "done";
        }
        return guard.collecting() ? "watching" : "waiting";
    }

    @Override
    public double getGuardPausedSeconds() {
        return gate.pausedNanos() / 1e9;
    }

    @Override
    public int getGuardPauses() {
        return gate.pauses();
    }

    @Override
    public double getGuardP99Millis() {
        return millis(lastReading().p99Nanos());
    }

    @Override
    public double getGuardLimitMillis() {
        return millis(lastReading().limitNanos());
    }

    @Override
    public double getGuardErrorPercent() {
        GuardReading reading = lastReading();
        return reading.p99Nanos() < 0 ? -1.0 : 100.0 * reading.errorShare();
    }

    @Override
    public long getGuardSamples() {
        return lastReading().samples();
    }

    private GuardReading lastReading() {
        return guard == null ? GuardReading.NO_DATA : guard.lastReading();
    }

    private static double millis(long nanos) {
        return nanos < 0 ? -1.0 : nanos / 1e6;
    }

    @Override
    public String getPhase() {
        return drain.isDraining() ? Phase.DRAINING.label() : gate.phase().label();
    }

    @Override
    public String drain() {
        return drain.drainOnDemand();
    }

    @Override
    public String undrain() {
        return drain.undrainOnDemand();
    }

    @Override
    public String getDrainState() {
        return drain.drain().state().label();
    }

    @Override
    public double getDrainSeconds() {
        long nanos = drain.drain().elapsedNanos();
        return nanos < 0 ? -1.0 : nanos / 1e9;
    }

    @Override
    public long getDrainBusinessRequests() {
        return drain.drain().businessRequests();
    }

    @Override
    public double getDrainQuietSeconds() {
        long nanos = drain.drain().quietForNanos();
        return nanos < 0 ? -1.0 : nanos / 1e9;
    }

    @Override
    public double getDrainQuietSetting() {
        return drain.drain().quietNanos() / 1e9;
    }

    @Override
    public double getPercent() {
        return gate.currentPercent();
    }

    @Override
    public String getRampStart() {
        long millis = getRampStartEpochMillis();
        return millis < 0 ? "" : Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public long getRampStartEpochMillis() {
        long known = rampStartEpochMillis;
        if (known >= 0) {
            return known;
        }
        long startNanos = gate.rampStartNanos();
        if (startNanos == -1L) {
            return -1L;
        }
        // The ramp runs on a monotonic clock; its start becomes wall-clock time by going back from now.
        long sinceStartMillis = (clock.nanoTime() - startNanos) / 1000000L;
        long millis = System.currentTimeMillis() - sinceStartMillis;
        rampStartEpochMillis = millis;
        return millis;
    }

    @Override
    public double getRampDurationSeconds() {
        return gate.curve().durationNanos() / 1e9;
    }

    @Override
    public int getPeersSeen() {
        return gate.peersSeen();
    }

    @Override
    public int getPeersAllowed() {
        return gate.peersAllowed();
    }

    @Override
    public int getPeersDenied() {
        return gate.peersDenied();
    }

    @Override
    public String getWarmupState() {
        return warmup.state().label();
    }

    @Override
    public long getWarmupRequests() {
        return warmup.requests();
    }

    @Override
    public long getWarmupErrors() {
        return warmup.errors();
    }

    @Override
    public int getWarmupRoundsCompleted() {
        return warmup.roundsCompleted();
    }

    @Override
    public int getWarmupPort() {
        return warmup.port();
    }

    @Override
    public double getWarmupElapsedMillis() {
        return warmup.elapsedMillis();
    }

    @Override
    public double getWarmupFirstRoundP50Millis() {
        return warmup.firstRoundP50Millis();
    }

    @Override
    public double getWarmupFirstRoundP99Millis() {
        return warmup.firstRoundP99Millis();
    }

    @Override
    public double getWarmupLastRoundP50Millis() {
        return warmup.lastRoundP50Millis();
    }

    @Override
    public double getWarmupLastRoundP99Millis() {
        return warmup.lastRoundP99Millis();
    }

    @Override
    public String getRecordState() {
        return recorder == null ? "off" : recorder.state().label();
    }

    @Override
    public String getRecordFile() {
        return recorder == null ? "" : recorder.file().toString();
    }

    @Override
    public long getRecordRequestsSeen() {
        return recorder == null ? -1L : recorder.requestsSeen();
    }

    @Override
    public int getRecordLinesInMemory() {
        return recorder == null ? 0 : recorder.linesInMemory();
    }

    @Override
    public String getRecordLastWrite() {
        long millis = recorder == null ? -1L : recorder.lastWriteEpochMillis();
        return millis < 0 ? "" : Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public int getRecordLastWriteLines() {
        return recorder == null ? 0 : recorder.lastWriteLines();
    }

    @Override
    public String getRecordLastProblem() {
        String problem = recorder == null ? null : recorder.lastProblem();
        return problem == null ? "" : problem;
    }
}
