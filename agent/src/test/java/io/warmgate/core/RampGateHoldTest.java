package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ramp's clock standing still while a {@link RampHold} holds: pause, resume, the bound, monotonic nodes. */
class RampGateHoldTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** 100 s linear: the percent equals the ramp seconds. */
    private static final RampCurve HUNDRED_SECONDS = new RampCurve(100 * SECOND, 1.0, 0.0);

    /** A hold the test switches by hand. */
    private static final class SwitchedHold implements RampHold {
        volatile boolean holding;
        volatile boolean started;
        volatile boolean over;
        final long maxExtendNanos;

        SwitchedHold(long maxExtendNanos) {
            this.maxExtendNanos = maxExtendNanos;
        }

        @Override
        public GuardReading reading(long nowNanos) {
            return new GuardReading(holding, 100, 0, holding ? 90_000_000L : 2_000_000L, 10_000_000L, 2_000_000L,
                    0.0, 0.05);
        }

        @Override
        public long maxExtendNanos() {
            return maxExtendNanos;
        }

        @Override
        public void rampStarted() {
            started = true;
        }

        @Override
        public void rampOver() {
            over = true;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();
    private final SwitchedHold hold = new SwitchedHold(30 * SECOND);
    private final RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener,
            false, hold);

    /** Peers with known buckets, found by search so the test does not depend on a table. */
    private static String peerWithBucket(int wanted) {
        for (int i = 1; i < 100_000; i++) {
            String peer = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            if (PeerBuckets.bucket(PeerBuckets.hash(peer)) == wanted) {
                return peer;
            }
        }
        throw new AssertionError("no peer with bucket " + wanted);
    }

    private void seconds(long n) {
        clock.advance(n, TimeUnit.SECONDS);
    }

    @Test
    void theHoldHearsOfTheStartOfTheRamp() {
        assertThat(hold.started).isFalse();
        gate.check("10.0.0.1");
        assertThat(hold.started).isTrue();
        assertThat(hold.over).isFalse();
    }

    @Test
    void whileHeldThePercentStandsStillAndResumesWhereItStopped() {
        gate.check("10.0.0.1");
        seconds(20);
        hold.holding = true;
        gate.check("10.0.0.1");
        assertThat(gate.isPaused()).isTrue();
        seconds(15);
        assertThat(gate.currentPercent()).isEqualTo(20.0);
        assertThat(gate.check("10.0.0.1").percent()).isEqualTo(20.0);
        hold.holding = false;
        gate.check("10.0.0.1");
        assertThat(gate.isPaused()).isFalse();
        assertThat(gate.pausedNanos()).isEqualTo(15 * SECOND);
        seconds(5);
        assertThat(gate.currentPercent()).isEqualTo(25.0);
        assertThat(listener.events()).contains("paused 1 at 20.0", "resumed at 20.0 after 15s");
    }

    @Test
    void noNewNodeIsLetInWhileHeldAndAllowedNodesStayAllowed() {
        String early = peerWithBucket(10);
        String late = peerWithBucket(30);
        gate.check(early);
        seconds(20);
        assertThat(gate.check(early).allowed()).isTrue();
        hold.holding = true;
        gate.check(early);
        seconds(25); // 45 s of clock time, still 20 s of ramp time
        assertThat(gate.check(late).allowed()).as("bucket 30 at a held 20%").isFalse();
        assertThat(gate.check(early).allowed()).isTrue();
        hold.holding = false;
        gate.check(early);
        seconds(10);
        assertThat(gate.check(late).allowed()).as("30% of ramp time now").isTrue();
        assertThat(gate.check(early).allowed()).isTrue();
    }

    @Test
    void theTotalHoldIsBoundedThenTheRampGoesOnByTheClock() {
        gate.check("10.0.0.1");
        seconds(10);
        hold.holding = true;
        gate.check("10.0.0.1");
        seconds(31);
        assertThat(gate.currentPercent()).as("the bound is 30 s, even before a check notices").isEqualTo(11.0);
        gate.check("10.0.0.1");
        assertThat(gate.holdSpent()).isTrue();
        assertThat(hold.over).as("the guard stops timing requests").isTrue();
        assertThat(listener.events()).contains("spent at 11.0 after 30s");
        seconds(10);
        assertThat(gate.check("10.0.0.1").percent()).as("held no more").isEqualTo(21.0);
        seconds(79);
        assertThat(gate.check("10.0.0.1")).isSameAs(Decision.OPEN);
        assertThat(gate.pausedNanos()).isEqualTo(30 * SECOND);
        assertThat(listener.events()).contains("finished seen 1 allowed 1 paused 30s in 1");
    }

    @Test
    void severalPausesShareOneBound() {
        gate.check("10.0.0.1");
        for (int i = 0; i < 4; i++) {
            hold.holding = true;
            gate.check("10.0.0.1");
            seconds(10);
            hold.holding = false;
            gate.check("10.0.0.1");
            seconds(1);
        }
        assertThat(gate.pauses()).isEqualTo(3);
        assertThat(gate.holdSpent()).isTrue();
        assertThat(gate.pausedNanos()).isEqualTo(30 * SECOND);
    }

    @Test
    void theRampLengthIsTheDurationPlusThePauses() {
        gate.check("10.0.0.1");
        seconds(50);
        hold.holding = true;
        gate.check("10.0.0.1");
        seconds(12);
        hold.holding = false;
        gate.check("10.0.0.1");
        seconds(49);
        assertThat(gate.isOpen()).isFalse();
        seconds(1);
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.check("10.0.0.1")).isSameAs(Decision.OPEN);
        assertThat(hold.over).isTrue();
        assertThat(listener.events()).contains("finished seen 1 allowed 1 paused 12s in 1");
    }

    @Test
    void aHoldThatNeverHoldsLeavesTheRampOnTheClock() {
        gate.check("10.0.0.1");
        seconds(100);
        assertThat(gate.check("10.0.0.1")).isSameAs(Decision.OPEN);
        assertThat(gate.pauses()).isZero();
        assertThat(listener.events()).contains("finished seen 1 allowed 0");
    }

    @Test
    void anOpenGateIsNotPausedAgain() {
        gate.check("10.0.0.1");
        seconds(100);
        hold.holding = true;
        assertThat(gate.check("10.0.0.1")).isSameAs(Decision.OPEN);
        assertThat(gate.isPaused()).isFalse();
        assertThat(gate.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void aSkippedRampEndsTheHold() {
        gate.check("10.0.0.1");
        hold.holding = true;
        gate.check("10.0.0.1");
        assertThat(gate.skipRamp()).isTrue();
        assertThat(gate.isOpen()).isTrue();
        assertThat(hold.over).isTrue();
    }

    @Test
    void concurrentChecksPauseOnceAndResumeOnce() throws Exception {
        gate.check("10.0.0.1");
        seconds(5);
        hold.holding = true;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    gate.check("10.0.0." + (i % 50 + 1));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(listener.count("paused")).isEqualTo(1);
        assertThat(gate.pauses()).isEqualTo(1);
    }
}
