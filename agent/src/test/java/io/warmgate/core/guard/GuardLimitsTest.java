package io.warmgate.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.Durations;
import io.warmgate.core.GuardReading;
import org.junit.jupiter.api.Test;

class GuardLimitsTest {

    private static final long MS = Durations.MILLISECOND;

    private final GuardLimits relative = new GuardLimits(0L, 0.05, 20);

    private static WindowStats window(int count, int errors, long p99Millis) {
        return new WindowStats(count, errors, p99Millis * MS);
    }

    @Test
    void tooFewRequestsAreNotJudged() {
        GuardReading reading = relative.judge(window(19, 19, 5_000));
        assertThat(reading.holding()).isFalse();
        assertThat(reading.p99Nanos()).isEqualTo(-1);
        assertThat(reading.samples()).isEqualTo(19);
    }

    @Test
    void theFirstWindowNeverTripsItsOwnBaseline() {
        GuardReading first = relative.judge(window(50, 0, 900));
        assertThat(first.holding()).isFalse();
        assertThat(first.baselineNanos()).isEqualTo(900 * MS);
        assertThat(first.limitNanos()).isEqualTo(1800 * MS);
    }

    @Test
    void aColdInstanceGettingFasterLowersItsBaselineAndIsHeldWhenItGetsWorseAgain() {
        assertThat(relative.judge(window(50, 0, 200)).holding()).isFalse();
        assertThat(relative.judge(window(80, 0, 40)).holding()).isFalse();
        GuardReading warm = relative.judge(window(120, 0, 3));
        assertThat(warm.holding()).isFalse();
        assertThat(warm.limitNanos()).as("the floor: 3ms + 5ms").isEqualTo(8 * MS);
        assertThat(relative.judge(window(150, 0, 7)).holding()).as("within the floor").isFalse();
        GuardReading slower = relative.judge(window(150, 0, 40));
        assertThat(slower.holding()).isTrue();
        assertThat(slower.baselineNanos()).isEqualTo(3 * MS);
        assertThat(relative.judge(window(150, 0, 6)).holding()).isFalse();
    }

    @Test
    void theFactorAppliesAboveTheFloor() {
        relative.judge(window(50, 0, 100));
        assertThat(relative.judge(window(50, 0, 199)).holding()).isFalse();
        assertThat(relative.judge(window(50, 0, 201)).holding()).isTrue();
    }

    @Test
    void anAbsoluteLimitIgnoresTheBaseline() {
        GuardLimits absolute = new GuardLimits(50 * MS, 0.05, 20);
        GuardReading reading = absolute.judge(window(40, 0, 60));
        assertThat(reading.holding()).as("the first window too").isTrue();
        assertThat(reading.limitNanos()).isEqualTo(50 * MS);
        assertThat(reading.baselineNanos()).isEqualTo(-1);
        assertThat(absolute.judge(window(40, 0, 49)).holding()).isFalse();
    }

    @Test
    void errorsAreJudgedAgainstTheLowestShareSeen() {
        assertThat(relative.judge(window(100, 10, 2)).holding()).as("10% from the start is its normal").isFalse();
        assertThat(relative.judge(window(100, 15, 2)).holding()).as("10% + 5 points").isFalse();
        assertThat(relative.judge(window(100, 16, 2)).holding()).isTrue();
        assertThat(relative.judge(window(100, 2, 2)).holding()).isFalse();
        GuardReading worse = relative.judge(window(100, 8, 2));
        assertThat(worse.holding()).as("2% + 5 points").isTrue();
        assertThat(worse.errorLimit()).isEqualTo(0.07, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aHundredPointsTurnTheErrorGuardOff() {
        GuardLimits noErrorGuard = new GuardLimits(0L, 1.0, 20);
        noErrorGuard.judge(window(100, 0, 2));
        assertThat(noErrorGuard.judge(window(100, 100, 2)).holding()).isFalse();
    }

    @Test
    void aWarmInstanceWithOrdinaryJitterNeverTrips() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            long p99Micros = 1_500 + random.nextInt(2_500); // 1.5 to 4 ms, as a warm service wobbles
            GuardReading reading = relative.judge(new WindowStats(200, random.nextInt(3), p99Micros * 1000));
            assertThat(reading.holding()).as("window %d", i).isFalse();
        }
    }
}
