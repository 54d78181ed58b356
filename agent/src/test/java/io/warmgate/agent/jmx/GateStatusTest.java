package io.warmgate.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.core.AgentLog;
import io.warmgate.core.GateListener;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.record.LineRules;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.WarmupProgress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateStatusTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final MonotonicClock clock = now::get;

    @Test
    void followsTheGateThroughItsPhases() {
        RampGate gate = new RampGate(new RampCurve(100 * SECOND, 1.0, 0.0), RampGate.StartMode.FIRST_CHECK, clock,
                null, true);
        GateStatus status = new GateStatus(gate, WarmupProgress.off(), clock);
        assertThat(status.getPhase()).isEqualTo("waiting");
        assertThat(status.getRampStart()).isEmpty();
        assertThat(status.getRampStartEpochMillis()).isEqualTo(-1);
        assertThat(status.getRampDurationSeconds()).isEqualTo(100.0);

        gate.check("10.0.0.1");
        assertThat(status.getPhase()).isEqualTo("warming");
        assertThat(status.getPercent()).isZero();
        assertThat(status.getPeersSeen()).isEqualTo(1);
        assertThat(status.getPeersDenied()).isEqualTo(1);
        assertThat(status.getPeersAllowed()).isZero();

        now.addAndGet(3 * SECOND);
        gate.warmupFinished();
        long before = System.currentTimeMillis();
        now.addAndGet(40 * SECOND);
        gate.check("127.0.0.1"); // bucket 14: allowed at 40 %
        assertThat(status.getPhase()).isEqualTo("ramping");
        assertThat(status.getPercent()).isEqualTo(40.0);
        assertThat(status.getPeersSeen()).isEqualTo(2);
        assertThat(status.getPeersAllowed()).isEqualTo(1);
        assertThat(status.getPeersDenied()).isEqualTo(1);
        // The ramp started 40 s of fake time ago: wall-clock now minus 40 s, and the same on every read.
        long start = status.getRampStartEpochMillis();
        assertThat(start).isBetween(before - 40_000, System.currentTimeMillis() - 40_000);
        now.addAndGet(5 * SECOND);
        assertThat(status.getRampStartEpochMillis()).isEqualTo(start);
        assertThat(status.getRampStart()).isEqualTo(Instant.ofEpochMilli(start).toString());

        now.addAndGet(60 * SECOND);
        assertThat(status.getPhase()).isEqualTo("open");
        assertThat(status.getPercent()).isEqualTo(100.0);
        assertThat(status.getPeersAllowed()).isEqualTo(2);
        assertThat(status.getPeersDenied()).isZero();
    }

    @Test
    void withoutAWarmUpItsFiguresAreEmpty() {
        RampGate gate = new RampGate(new RampCurve(SECOND, 1.0, 0.0), RampGate.StartMode.IMMEDIATE, clock, null);
        GateStatus status = new GateStatus(gate, WarmupProgress.off(), clock);
        assertThat(status.getPhase()).isEqualTo("ramping");
        assertThat(status.getWarmupState()).isEqualTo("off");
        assertThat(status.getWarmupRequests()).isZero();
        assertThat(status.getWarmupErrors()).isZero();
        assertThat(status.getWarmupRoundsCompleted()).isZero();
        assertThat(status.getWarmupPort()).isZero();
        assertThat(status.getWarmupElapsedMillis()).isEqualTo(-1.0);
        assertThat(status.getWarmupFirstRoundP50Millis()).isEqualTo(-1.0);
        assertThat(status.getWarmupFirstRoundP99Millis()).isEqualTo(-1.0);
        assertThat(status.getWarmupLastRoundP50Millis()).isEqualTo(-1.0);
        assertThat(status.getWarmupLastRoundP99Millis()).isEqualTo(-1.0);
    }

    @Test
    void showsTheRecording(@TempDir Path folder) {
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(10), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, GateListener.NONE);
        GateStatus off = new GateStatus(gate, WarmupProgress.off(), MonotonicClock.SYSTEM);
        assertThat(off.getRecordState()).isEqualTo("off");
        assertThat(off.getRecordRequestsSeen()).isEqualTo(-1L);
        assertThat(off.getRecordLastWrite()).isEmpty();

        Path file = folder.resolve("w.txt");
        TrafficRecorder recorder = new TrafficRecorder(file, 10,
                new LineRules(false, List.of()), 1, TimeUnit.MINUTES.toNanos(1),
                AgentLog.stderr(AgentLog.Level.OFF), MonotonicClock.SYSTEM);
        GateStatus status = new GateStatus(gate, WarmupProgress.off(), MonotonicClock.SYSTEM,
                ShutdownDrain.none(AgentLog.stderr(
                        AgentLog.Level.OFF)), recorder);
        recorder.requestEnded("GET", "/a", null, 200, 1L);
        recorder.requestEnded("GET", "/b", null, 200, 1L);
        assertThat(status.getRecordState()).isEqualTo("recording");
        assertThat(status.getRecordFile()).isEqualTo(file.toString());
        assertThat(status.getRecordRequestsSeen()).isEqualTo(2L);
        assertThat(status.getRecordLinesInMemory()).isEqualTo(2);
        recorder.stop();
        assertThat(status.getRecordState()).isEqualTo("stopped");
        assertThat(status.getRecordLastWriteLines()).isEqualTo(2);
        assertThat(Instant.parse(status.getRecordLastWrite())).isBeforeOrEqualTo(Instant.now());
        assertThat(status.getRecordLastProblem()).isEmpty();
    }
}
