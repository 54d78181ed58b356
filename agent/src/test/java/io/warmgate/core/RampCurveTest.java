package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RampCurveTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void linearByDefault() {
        RampCurve curve = new RampCurve(60 * SECOND, 1.0, 0.0);
        assertThat(curve.percentAt(0)).isZero();
        assertThat(curve.percentAt(15 * SECOND)).isCloseTo(25.0, within(1e-9));
        assertThat(curve.percentAt(30 * SECOND)).isCloseTo(50.0, within(1e-9));
        assertThat(curve.percentAt(59 * SECOND)).isCloseTo(98.333, within(1e-3));
    }

    @Test
    void aggressionAboveOneLetsMoreTrafficInEarly() {
        RampCurve curve = new RampCurve(100 * SECOND, 2.0, 0.0);
        assertThat(curve.percentAt(25 * SECOND)).isCloseTo(50.0, within(1e-9)); // 100 * sqrt(0.25)
        assertThat(curve.percentAt(1 * SECOND)).isCloseTo(10.0, within(1e-9));
        RampCurve gentle = new RampCurve(100 * SECOND, 0.5, 0.0);
        assertThat(gentle.percentAt(50 * SECOND)).isCloseTo(25.0, within(1e-9)); // 100 * 0.5^2
        for (long t = SECOND; t < 100 * SECOND; t += SECOND) {
            assertThat(curve.percentAt(t)).isGreaterThan(new RampCurve(100 * SECOND, 1.0, 0).percentAt(t));
        }
    }

    @Test
    void minPercentIsAFloor() {
        RampCurve curve = new RampCurve(100 * SECOND, 1.0, 20.0);
        assertThat(curve.percentAt(0)).isEqualTo(20.0);
        assertThat(curve.percentAt(10 * SECOND)).isEqualTo(20.0);
        assertThat(curve.percentAt(30 * SECOND)).isCloseTo(30.0, within(1e-9));
        assertThat(new RampCurve(SECOND, 1.0, 100.0).percentAt(0)).isEqualTo(100.0);
    }

    @Test
    void negativeTimeCountsAsZero() {
        assertThat(new RampCurve(MINUTE, 1.0, 0.0).percentAt(-5 * SECOND)).isZero();
        assertThat(new RampCurve(MINUTE, 3.0, 7.5).percentAt(Long.MIN_VALUE)).isEqualTo(7.5);
    }

    @Test
    void fullFromTheEndOfTheDurationOn() {
        RampCurve curve = new RampCurve(MINUTE, 1.7, 0.0);
        assertThat(curve.percentAt(MINUTE - 1)).isLessThan(100.0);
        assertThat(curve.percentAt(MINUTE)).isEqualTo(100.0);
        assertThat(curve.percentAt(Long.MAX_VALUE)).isEqualTo(100.0);
    }

    @Test
    void percentNeverDecreases() {
        for (double aggression : new double[] {0.3, 1.0, 2.5, 100.0}) {
            RampCurve curve = new RampCurve(MINUTE, aggression, 5.0);
            double previous = -1;
            for (long t = -SECOND; t <= MINUTE + SECOND; t += 7_919_000L) {
                double percent = curve.percentAt(t);
                assertThat(percent).isBetween(5.0, 100.0).isGreaterThanOrEqualTo(previous);
                previous = percent;
            }
        }
    }

    @Test
    void nanosUntilAllowedIsTheEarliestMomentTheCurveReachesTheBucket() {
        long[] durations = {1, 999, SECOND, 60 * SECOND, 24 * 60 * MINUTE};
        double[] aggressions = {0.25, 1.0, 1.5, 3.0, 100.0};
        double[] floors = {0.0, 12.5, 50.0};
        for (long duration : durations) {
            for (double aggression : aggressions) {
                for (double floor : floors) {
                    RampCurve curve = new RampCurve(duration, aggression, floor);
                    for (int bucket = 0; bucket < 100; bucket++) {
                        long t = curve.nanosUntilAllowed(bucket);
                        String what = curve + " bucket " + bucket + " t " + t;
                        assertThat(t).as(what).isBetween(0L, duration);
                        assertThat(bucket <= curve.percentAt(t)).as(what).isTrue();
                        if (t > 0) {
                            assertThat(bucket <= curve.percentAt(t - 1)).as(what).isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void nanosUntilAllowedMatchesTheFormula() {
        RampCurve linear = new RampCurve(60 * SECOND, 1.0, 0.0);
        assertThat(linear.nanosUntilAllowed(0)).isZero();
        assertThat(linear.nanosUntilAllowed(54)).isCloseTo(32_400_000_000L, within(1_000L));
        assertThat(linear.nanosUntilAllowed(99)).isCloseTo(59_400_000_000L, within(1_000L));
        RampCurve steep = new RampCurve(100 * SECOND, 2.0, 0.0);
        assertThat(steep.nanosUntilAllowed(50)).isCloseTo(25 * SECOND, within(1_000L));
        RampCurve floored = new RampCurve(100 * SECOND, 1.0, 30.0);
        assertThat(floored.nanosUntilAllowed(30)).isZero();
        assertThat(floored.nanosUntilAllowed(31)).isCloseTo(31 * SECOND, within(1_000L));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RampCurve(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RampCurve(SECOND, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RampCurve(SECOND, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RampCurve(SECOND, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RampCurve(SECOND, 1, 100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exposesItsParameters() {
        RampCurve curve = new RampCurve(90 * SECOND, 2.5, 10.0);
        assertThat(curve.durationNanos()).isEqualTo(90 * SECOND);
        assertThat(curve.aggression()).isEqualTo(2.5);
        assertThat(curve.minPercent()).isEqualTo(10.0);
    }
}
