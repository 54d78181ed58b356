package io.warmgate.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.guard.RampGuard;
import io.warmgate.core.warmup.WarmupProgress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GateStatusGuardTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final MonotonicClock clock = now::get;
    private final RampGuard guard = new RampGuard(clock, 0L, 0.05, 30 * SECOND);
    private final RampGate gate = new RampGate(new RampCurve(100 * SECOND, 1.0, 0.0), RampGate.StartMode.FIRST_CHECK,
            clock, null, false, guard);
    private final GateStatus status = new GateStatus(gate, WarmupProgress.off(), clock,
            ShutdownDrain.none(new AgentLog(AgentLog.Level.OFF, null)), null, guard);

    private void traffic(int seconds, long latencyNanos) {
        for (int s = 0; s < seconds * 4; s++) {
            for (int i = 0; i < 25; i++) {
                guard.requestEnded("GET", "/api", null, 200, latencyNanos);
            }
            now.addAndGet(SECOND / 4);
            gate.check("10.0.0.1");
        }
    }

    @Test
    void showsTheGuardWatchingHoldingAndDone() {
        assertThat(status.getGuardState()).isEqualTo("waiting");
        assertThat(status.getGuardP99Millis()).isEqualTo(-1.0);
        gate.check("10.0.0.1");
        assertThat(status.getGuardState()).isEqualTo("watching");
        traffic(6, 2 * MS);
        assertThat(status.getGuardP99Millis()).isBetween(1.5, 2.5);
        assertThat(status.getGuardLimitMillis()).isBetween(6.5, 7.5);
        assertThat(status.getGuardErrorPercent()).isZero();
        assertThat(status.getGuardSamples()).isGreaterThanOrEqualTo(20);

        traffic(3, 100 * MS);
        assertThat(status.getGuardState()).isEqualTo("holding");
        assertThat(status.getGuardPauses()).isEqualTo(1);
        assertThat(status.getGuardPausedSeconds()).isGreaterThan(1.0);

        now.addAndGet(200 * SECOND);
        gate.check("10.0.0.1");
        assertThat(status.getGuardState()).isEqualTo("done");
    }

    @Test
    void offWithoutAGuard() {
        GateStatus withoutGuard = new GateStatus(gate, WarmupProgress.off(), clock);
        assertThat(withoutGuard.getGuardState()).isEqualTo("off");
        assertThat(withoutGuard.getGuardP99Millis()).isEqualTo(-1.0);
        assertThat(withoutGuard.getGuardPauses()).isZero();
    }
}
