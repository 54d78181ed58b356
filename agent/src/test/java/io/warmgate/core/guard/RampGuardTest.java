package io.warmgate.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.Durations;
import io.warmgate.core.FakeClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard with the ramp, on a fake clock: requests go in as the application would serve them. */
class RampGuardTest {

    private static final long MS = Durations.MILLISECOND;
    private static final long SECOND = Durations.SECOND;

    private final FakeClock clock = new FakeClock();
    private final RampGuard guard = new RampGuard(clock, 0L, 0.05, 60 * SECOND);
    private final RampGate gate = new RampGate(new RampCurve(60 * SECOND, 1.0, 0.0), RampGate.StartMode.FIRST_CHECK,
            clock, null, false, guard);
    private final Random random = new Random(7);

    /**
     * One second of traffic: {@code perSecond} requests spread over it, each taking {@code latency} give or take
     * 30%, with a health check every 250 ms.
     */
    private void second(int perSecond, long latencyNanos, int errorsPerSecond) {
        for (int i = 0; i < perSecond; i++) {
            clock.advanceNanos(SECOND / perSecond);
            long jitter = (long) (latencyNanos * (0.7 + 0.6 * random.nextDouble()));
            guard.requestEnded("GET", "/api/items", null, i < errorsPerSecond ? 503 : 200, jitter);
            if (i % Math.max(1, perSecond / 4) == 0) {
                gate.check("10.0.0.1");
            }
        }
        clock.advanceNanos(SECOND - SECOND / perSecond * perSecond);
    }

    @Test
    void timesRequestsOnlyWhileTheRampRuns() {
        assertThat(guard.active()).as("before the ramp").isFalse();
        gate.check("10.0.0.1");
        assertThat(guard.active()).isTrue();
        clock.advance(61, TimeUnit.SECONDS);
        gate.check("10.0.0.1");
        assertThat(guard.active()).as("after it").isFalse();
        guard.rampStarted();
        assertThat(guard.active()).as("for good").isFalse();
    }

    @Test
    void noDataNeverHolds() {
        gate.check("10.0.0.1");
        clock.advance(30, TimeUnit.SECONDS);
        gate.check("10.0.0.1");
        assertThat(gate.pauses()).isZero();
        assertThat(guard.lastReading().holding()).isFalse();
        assertThat(guard.lastReading().p99Nanos()).isEqualTo(-1);
    }

    @Test
    void aFewSlowRequestsOnALowTrafficInstanceAreNotJudged() {
        gate.check("10.0.0.1");
        for (int s = 0; s < 10; s++) {
            second(3, 2 * MS, 0);
        }
        for (int s = 0; s < 10; s++) {
            second(3, 800 * MS, 0); // 15 requests per window: below the minimum
        }
        assertThat(gate.pauses()).isZero();
    }

    @Test
    void aWarmHealthyInstanceFinishesOnTime() {
        gate.check("10.0.0.1");
        for (int s = 0; s < 60; s++) {
            second(100 + 5 * s, 2 * MS, s % 7 == 0 ? 1 : 0);
        }
        gate.check("10.0.0.1");
        assertThat(gate.pauses()).as("%s", guard.lastReading()).isZero();
        assertThat(gate.isOpen()).isTrue();
        assertThat(guard.active()).as("no more timing once open").isFalse();
    }

    @Test
    void aColdStartThatOnlyGetsFasterIsNotHeld() {
        gate.check("10.0.0.1");
        for (int s = 0; s < 60; s++) {
            long latency = Math.max(2 * MS, 400 * MS >> (s / 3)); // halves every 3 s
            second(40, latency, 0);
        }
        gate.check("10.0.0.1");
        assertThat(gate.pauses()).isZero();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void pausesWhileSlowAndResumesWhenFastAgain() {
        gate.check("10.0.0.1");
        for (int s = 0; s < 10; s++) {
            second(100, 2 * MS, 0);
        }
        double before = gate.currentPercent();
        for (int s = 0; s < 10; s++) {
            second(100, 60 * MS, 0);
        }
        assertThat(gate.isPaused()).isTrue();
        assertThat(gate.currentPercent()).as("the ramp's clock stood still").isLessThan(before + 3.0);
        for (int s = 0; s < 7; s++) {
            second(100, 2 * MS, 0);
        }
        assertThat(gate.isPaused()).isFalse();
        assertThat(gate.pauses()).isEqualTo(1);
        assertThat(gate.pausedNanos()).isBetween(8 * SECOND, 16 * SECOND);
    }

    @Test
    void pausesWhileFailing() {
        gate.check("10.0.0.1");
        for (int s = 0; s < 6; s++) {
            second(100, 2 * MS, 0);
        }
        for (int s = 0; s < 4; s++) {
            second(100, 2 * MS, 20);
        }
        assertThat(gate.isPaused()).isTrue();
        assertThat(guard.lastReading().errorShare()).isGreaterThan(0.05);
    }
}
