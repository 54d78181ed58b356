package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate's part in the deploy situations beyond "one instance joins": fail-open, skipped ramps, spread. */
class RampGateDeploySituationsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final RampCurve HUNDRED_SECONDS = new RampCurve(100 * SECOND, 1.0, 0.0);
    /** Bucket 14 (see RampGateTest). */
    private static final String LOW = "127.0.0.1";

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();
    private final RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener);

    private static String highBucketPeer() {
        for (int last = 2; last < 255; last++) {
            String peer = "10.0.0." + last;
            if (PeerBuckets.bucket(PeerBuckets.hash(peer)) >= 90) {
                return peer;
            }
        }
        throw new AssertionError("no peer with a high bucket among 10.0.0.2-254");
    }

    @Test
    void aDeniedPeerThatKeepsSendingBusinessTrafficIsLetInAtTheThreshold() {
        String high = highBucketPeer();
        assertThat(gate.check(high).allowed()).isFalse();
        assertThat(gate.hasDeniedPeers()).isTrue();

        for (int i = 1; i < 30; i++) {
            assertThat(gate.businessRequestFrom(high, 30)).as("request %d", i).isFalse();
        }
        assertThat(gate.check(high).allowed()).as("29 business requests are not enough").isFalse();
        assertThat(gate.businessRequestFrom(high, 30)).as("the 30th").isTrue();
        assertThat(gate.businessRequestFrom(high, 30)).as("only once").isFalse();

        Decision after = gate.check(high);
        assertThat(after.allowed()).isTrue();
        assertThat(after.phase()).isEqualTo(Phase.RAMPING);
        assertThat(gate.hasDeniedPeers()).isFalse();
        assertThat(gate.peersAllowed()).isEqualTo(1);
        assertThat(listener.events()).contains("let in " + high + " after 30");
    }

    @Test
    void businessTrafficFromUnknownOrAllowedPeersChangesNothing() {
        clock.advance(1, TimeUnit.SECONDS);
        assertThat(gate.businessRequestFrom("10.9.9.9", 1)).as("never health-checked: not a node").isFalse();
        gate.check(LOW);
        clock.advance(50, TimeUnit.SECONDS);
        assertThat(gate.check(LOW).allowed()).isTrue();
        assertThat(gate.businessRequestFrom(LOW, 1)).as("already allowed").isFalse();
        assertThat(gate.businessRequestFrom("10.9.9.9", 1)).as("still unknown").isFalse();
        assertThat(listener.count("let in")).isZero();
    }

    @Test
    void thresholdZeroTurnsFailOpenDetectionOff() {
        String high = highBucketPeer();
        gate.check(high);
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.businessRequestFrom(high, 0)).isFalse();
        }
        assertThat(gate.check(high).allowed()).isFalse();
    }

    @Test
    void aPeerLetInWhileWarmingStaysAllowedThroughTheRamp() {
        RampGate held = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener, true);
        String high = highBucketPeer();
        assertThat(held.check(high).phase()).isEqualTo(Phase.WARMING);
        assertThat(held.businessRequestFrom(high, 3)).isFalse();
        assertThat(held.businessRequestFrom(high, 3)).isFalse();
        assertThat(held.businessRequestFrom(high, 3)).isTrue();
        Decision warming = held.check(high);
        assertThat(warming.phase()).isEqualTo(Phase.WARMING);
        assertThat(warming.allowed()).isTrue();
        held.warmupFinished();
        assertThat(held.check(high).allowed()).as("monotonic: allowed stays allowed").isTrue();
        assertThat(held.check("10.0.0.250").phase()).isEqualTo(Phase.RAMPING);
    }

    @Test
    void skippingTheRampOpensTheGateForEveryPeerAtOnceAndReportsNoFinish() {
        String high = highBucketPeer();
        assertThat(gate.check(high).allowed()).isFalse();
        clock.advance(2, TimeUnit.SECONDS);

        assertThat(gate.skipRamp()).isTrue();
        assertThat(gate.skipRamp()).as("only once").isFalse();
        assertThat(gate.phase()).isEqualTo(Phase.OPEN);
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.currentPercent()).isEqualTo(100.0);
        Decision open = gate.check(high);
        assertThat(open.allowed()).isTrue();
        assertThat(open.phase()).isEqualTo(Phase.OPEN);
        assertThat(gate.hasDeniedPeers()).as("open: nothing to watch").isFalse();
        assertThat(gate.businessRequestFrom(high, 1)).isFalse();
        assertThat(listener.count("finished")).as("a skipped ramp did not finish").isZero();
    }

    @Test
    void skippingEndsAWarmUpHoldAndTheWarmUpsEndDoesNotRestartTheRamp() {
        RampGate held = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener, true);
        assertThat(held.check(LOW).phase()).isEqualTo(Phase.WARMING);
        assertThat(held.skipRamp()).isTrue();
        assertThat(held.check(LOW).allowed()).isTrue();
        held.warmupFinished();
        assertThat(held.phase()).isEqualTo(Phase.OPEN);
        assertThat(listener.count("started")).isZero();
    }

    @Test
    void skippingAfterTheRampEndedChangesNothing() {
        gate.check(LOW);
        clock.advance(101, TimeUnit.SECONDS);
        assertThat(gate.skipRamp()).isFalse();
        gate.check(LOW);
        assertThat(listener.count("finished")).isEqualTo(1);
    }

    @Test
    void spreadMixesTheInstanceIntoTheHashAndIsFixedBeforeTheFirstDecision() {
        assertThat(gate.spreadBy("10.0.4.2:8080")).isTrue();
        assertThat(gate.spreadBy("10.0.4.3:8080")).as("the first identity stays").isTrue();
        assertThat(gate.spreadInstance()).isEqualTo("10.0.4.2:8080");

        Decision decision = gate.check(LOW);
        int spread = PeerBuckets.spreadHash(LOW, "10.0.4.2:8080");
        assertThat(spread).isEqualTo(PeerBuckets.hash(LOW + "|10.0.4.2:8080"));
        assertThat(decision.hash()).isEqualTo(spread);
        assertThat(decision.bucket()).isEqualTo(PeerBuckets.bucket(spread));
    }

    @Test
    void spreadCannotChangeBucketsOnceAPeerWasDecided() {
        Decision before = gate.check(LOW);
        assertThat(gate.spreadBy("10.0.4.2:8080")).isFalse();
        assertThat(gate.check(LOW).bucket()).isEqualTo(before.bucket()).isEqualTo(14);
    }

    @Test
    void differentInstancesOrderTheSameNodesDifferently() {
        int differing = 0;
        for (int last = 2; last < 12; last++) {
            String node = "127.0.0." + last;
            int a = PeerBuckets.bucket(PeerBuckets.spreadHash(node, "127.0.0.1:8081"));
            int b = PeerBuckets.bucket(PeerBuckets.spreadHash(node, "127.0.0.1:8082"));
            differing += a == b ? 0 : 1;
        }
        assertThat(differing).as("buckets that differ between two instances, of 10 nodes").isGreaterThanOrEqualTo(8);
    }
}
