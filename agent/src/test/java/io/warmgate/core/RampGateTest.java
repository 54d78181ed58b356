package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RampGateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** 100 s linear: the percent equals the elapsed seconds, which keeps the arithmetic in the tests obvious. */
    private static final RampCurve HUNDRED_SECONDS = new RampCurve(100 * SECOND, 1.0, 0.0);

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    private RampGate firstCheckGate() {
        return new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener);
    }

    private static int bucketOf(String peer) {
        return PeerBuckets.bucket(PeerBuckets.hash(peer));
    }

    @Test
    void waitsForTheFirstCheckThenStartsTheRampAtIt() {
        RampGate gate = firstCheckGate();
        assertThat(gate.phase()).isEqualTo(Phase.WAITING);
        assertThat(gate.rampStartNanos()).isEqualTo(-1);
        assertThat(gate.currentPercent()).isZero();
        clock.advance(500, TimeUnit.SECONDS); // time before the first check does not count

        long firstCheckAt = clock.nanoTime();
        Decision first = gate.check("127.0.0.1"); // bucket 14
        assertThat(first.allowed()).isFalse();
        assertThat(first.phase()).isEqualTo(Phase.RAMPING);
        assertThat(first.bucket()).isEqualTo(14);
        assertThat(first.hash()).isEqualTo(186615114);
        assertThat(gate.rampStartNanos()).isEqualTo(firstCheckAt);
        assertThat(gate.phase()).isEqualTo(Phase.RAMPING);
        assertThat(listener.events()).containsExactly("started 127.0.0.1", "peer 127.0.0.1 bucket 14 denied");
    }

    @Test
    void immediateStartsInTheConstructor() {
        long createdAt = clock.nanoTime();
        RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.IMMEDIATE, clock, listener);
        assertThat(gate.rampStartNanos()).isEqualTo(createdAt);
        assertThat(gate.phase()).isEqualTo(Phase.RAMPING);
        assertThat(listener.events()).containsExactly("started null");
        clock.advance(50, TimeUnit.SECONDS);
        assertThat(gate.currentPercent()).isEqualTo(50.0);
        assertThat(gate.check("127.0.0.1").allowed()).isTrue(); // bucket 14 <= 50
    }

    @Test
    void allowsExactlyThePeersWhoseBucketTheRampHasReached() {
        RampGate gate = firstCheckGate();
        List<String> peers = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            peers.add("10.1.0." + i);
        }
        gate.check(peers.get(0));
        for (long elapsed = 0; elapsed < 100 * SECOND; elapsed += SECOND / 4) {
            double percent = HUNDRED_SECONDS.percentAt(elapsed);
            for (String peer : peers) {
                Decision decision = gate.check(peer);
                assertThat(decision.allowed()).as(peer + " at " + elapsed + "ns").isEqualTo(bucketOf(peer) <= percent);
                assertThat(decision.percent()).isEqualTo(percent);
            }
            clock.advanceNanos(SECOND / 4);
        }
    }

    @Test
    void aPeerOnceAllowedStaysAllowed() {
        RampGate gate = firstCheckGate();
        String peer = "10.0.1.7"; // bucket 28
        assertThat(gate.check(peer).allowed()).isFalse();
        clock.advance(29, TimeUnit.SECONDS);
        assertThat(gate.check(peer).allowed()).isTrue();
        boolean allowedBefore = false;
        for (int step = 0; step < 720; step++) {
            boolean allowed = gate.check(peer).allowed();
            assertThat(allowed || !allowedBefore).as("step " + step).isTrue();
            allowedBefore |= allowed;
            clock.advanceNanos(SECOND / 10);
        }
    }

    @Test
    void reportsFirstSightAndTheTurnToAllowedOnceEach() {
        RampGate gate = firstCheckGate();
        gate.check("127.0.0.1");                          // bucket 14, denied at 0 s
        gate.check("127.0.0.1");
        clock.advance(13, TimeUnit.SECONDS);
        gate.check("127.0.0.1");                          // 13 < 14: still denied, nothing new
        gate.check("127.0.0.2");                          // bucket 12: first sight, allowed
        clock.advanceNanos(SECOND * 3 / 2);
        gate.check("127.0.0.1");                          // 14 <= 14.5: allowed now
        gate.check("127.0.0.1");
        gate.check("127.0.0.2");
        assertThat(listener.events()).containsExactly(
                "started 127.0.0.1",
                "peer 127.0.0.1 bucket 14 denied",
                "peer 127.0.0.2 bucket 12 allowed",
                "peer 127.0.0.1 bucket 14 allowed");
        assertThat(gate.peersSeen()).isEqualTo(2);
        assertThat(gate.peersAllowed()).isEqualTo(2);
        assertThat(gate.peersDenied()).isZero();
    }

    @Test
    void opensToEveryoneAfterTheDurationAndReportsTheEndOnce() {
        RampGate gate = firstCheckGate();
        gate.check("127.0.0.1");  // bucket 14
        gate.check("10.0.1.7");   // bucket 28
        clock.advance(20, TimeUnit.SECONDS);
        gate.check("127.0.0.1");
        assertThat(gate.peersAllowed()).isEqualTo(1);
        assertThat(gate.peersDenied()).isEqualTo(1);

        clock.advance(80, TimeUnit.SECONDS);
        assertThat(gate.phase()).isEqualTo(Phase.OPEN);
        assertThat(gate.currentPercent()).isEqualTo(100.0);
        assertThat(listener.count("finished")).isZero(); // reported lazily, by a check
        for (int i = 0; i < 50; i++) {
            Decision decision = gate.check("192.0.2." + i);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.phase()).isEqualTo(Phase.OPEN);
            assertThat(decision.percent()).isEqualTo(100.0);
        }
        assertThat(listener.events()).containsSubsequence("finished seen 2 allowed 1").doesNotContain("single 127.0.0.1");
        assertThat(listener.count("finished")).isEqualTo(1);
        assertThat(gate.peersSeen()).isEqualTo(2); // nothing is tracked once open
        assertThat(gate.peersAllowed()).isEqualTo(2);
        assertThat(gate.peersDenied()).isZero();
    }

    @Test
    void saysSoWhenEveryCheckCameFromOneAddress() {
        RampGate gate = firstCheckGate();
        for (int second = 0; second <= 100; second += 5) {
            gate.check("10.0.0.9");
            clock.advance(5, TimeUnit.SECONDS);
        }
        gate.check("10.0.0.9");
        assertThat(listener.events()).endsWith("finished seen 1 allowed 1", "single 10.0.0.9");
    }

    @Test
    void startsExactlyOnceWhenManyThreadsSendTheFirstCheckTogether() throws Exception {
        // A clock that moves on every reading, so each thread that tried to start the ramp would pick its own
        // time. Its first two readings wait for each other: two threads are then certainly racing to start the
        // ramp at the same moment, which is the case the compare-and-set must settle.
        AtomicLong ticking = new AtomicLong(1_000);
        CountDownLatch twoRacers = new CountDownLatch(2);
        MonotonicClock tickingClock = () -> {
            long now = ticking.addAndGet(1_000);
            if (twoRacers.getCount() > 0) {
                twoRacers.countDown();
                try {
                    twoRacers.await(30, TimeUnit.SECONDS); // a safety net against hanging, not a timing assertion
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return now;
        };
        RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, tickingClock, listener);
        int threads = 32;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Decision>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String peer = "127.0.0." + (i + 1);
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return gate.check(peer);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Decision> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).phase()).isEqualTo(Phase.RAMPING);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(twoRacers.getCount()).isZero();
        assertThat(listener.count("started")).isEqualTo(1);
        assertThat(listener.count("peer")).isEqualTo(threads);
        assertThat(gate.peersSeen()).isEqualTo(threads);
        long start = gate.rampStartNanos();
        assertThat(start).isPositive();
        assertThat(gate.rampStartNanos()).isEqualTo(start);
    }

    @Test
    void concurrentChecksOfOnePeerReportItsTurnToAllowedOnce() throws Exception {
        RampGate gate = firstCheckGate();
        gate.check("10.0.1.7"); // bucket 28, denied
        clock.advance(30, TimeUnit.SECONDS);
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return gate.check("10.0.1.7").allowed();
                }));
            }
            go.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(listener.events()).containsExactly(
                "started 10.0.1.7", "peer 10.0.1.7 bucket 28 denied", "peer 10.0.1.7 bucket 28 allowed");
        assertThat(gate.peersAllowed()).isEqualTo(1);
    }

    @Test
    void tracksAtMost4096PeersButStillDecidesTheRest() {
        RampGate gate = firstCheckGate();
        clock.advance(50, TimeUnit.SECONDS);
        for (int i = 0; i < 5000; i++) {
            String peer = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            assertThat(gate.check(peer).allowed()).isEqualTo(bucketOf(peer) <= gate.currentPercent());
        }
        assertThat(gate.peersSeen()).isEqualTo(RampGate.MAX_TRACKED_PEERS);
        assertThat(listener.count("peer")).isEqualTo(RampGate.MAX_TRACKED_PEERS);
        assertThat(gate.peersAllowed() + gate.peersDenied()).isEqualTo(RampGate.MAX_TRACKED_PEERS);
    }

    @Test
    void untrackedPeersBeyondTheCapAreNeverReportedAsTheOnlyPeer() {
        RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, listener, false, 1);
        gate.check("127.0.0.1");
        gate.check("127.0.0.2");
        gate.check("127.0.0.3");
        assertThat(gate.peersSeen()).isEqualTo(1);
        clock.advance(100, TimeUnit.SECONDS);
        gate.check("127.0.0.1");
        assertThat(listener.events()).noneMatch(e -> e.startsWith("single"));
    }

    @Test
    void holdsEveryPeerBackUntilTheWarmupHasFinished() {
        RampGate gate = firstCheckGate();
        gate.holdForWarmup();
        assertThat(gate.phase()).isEqualTo(Phase.WAITING);

        Decision held = gate.check("127.0.0.2"); // bucket 12
        assertThat(held.allowed()).isFalse();
        assertThat(held.phase()).isEqualTo(Phase.WARMING);
        assertThat(held.percent()).isZero();
        assertThat(held.denialBody()).contains("warming up");
        assertThat(gate.phase()).isEqualTo(Phase.WARMING);
        assertThat(gate.rampStartNanos()).isEqualTo(-1);

        clock.advance(1000, TimeUnit.SECONDS); // the ramp does not run while held
        assertThat(gate.check("127.0.0.2").allowed()).isFalse();
        assertThat(gate.check("127.0.0.1").allowed()).isFalse();
        assertThat(gate.phase()).isEqualTo(Phase.WARMING);

        long finishedAt = clock.nanoTime();
        gate.warmupFinished();
        assertThat(gate.rampStartNanos()).isEqualTo(finishedAt);
        assertThat(gate.phase()).isEqualTo(Phase.RAMPING);
        clock.advance(13, TimeUnit.SECONDS);
        assertThat(gate.check("127.0.0.2").allowed()).isTrue();
        assertThat(gate.check("127.0.0.1").allowed()).isFalse();
        assertThat(listener.events()).containsExactly(
                "held 127.0.0.2",
                "peer 127.0.0.2 bucket 12 denied",
                "peer 127.0.0.1 bucket 14 denied",
                "started 127.0.0.2",
                "peer 127.0.0.2 bucket 12 allowed");
    }

    @Test
    void aWarmupThatEndsBeforeAnyCheckLeavesTheStartToTheFirstCheck() {
        RampGate gate = firstCheckGate();
        gate.holdForWarmup();
        gate.warmupFinished();
        assertThat(gate.phase()).isEqualTo(Phase.WAITING);
        clock.advance(300, TimeUnit.SECONDS);
        long firstCheckAt = clock.nanoTime();
        gate.check("127.0.0.1");
        assertThat(gate.rampStartNanos()).isEqualTo(firstCheckAt);
        assertThat(listener.events()).startsWith("started 127.0.0.1");
    }

    @Test
    void holdingAfterTheRampStartedChangesNothing() {
        RampGate gate = firstCheckGate();
        gate.check("127.0.0.1");
        gate.holdForWarmup();
        clock.advance(20, TimeUnit.SECONDS);
        assertThat(gate.check("127.0.0.1").allowed()).isTrue();
        gate.warmupFinished();
        assertThat(listener.count("started")).isEqualTo(1);
    }

    @Test
    void immediateWithAWarmupStartsHeldAndRampsWhenTheWarmupEnds() {
        RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.IMMEDIATE, clock, listener, true);
        assertThat(gate.phase()).isEqualTo(Phase.WARMING);
        assertThat(gate.rampStartNanos()).isEqualTo(-1);
        clock.advance(5, TimeUnit.SECONDS);
        long finishedAt = clock.nanoTime();
        gate.warmupFinished();
        assertThat(gate.rampStartNanos()).isEqualTo(finishedAt);
        assertThat(listener.events()).containsExactly("started null");
    }

    @Test
    void aListenerThatThrowsCannotBreakAHealthCheck() {
        GateListener broken = new GateListener() {
            @Override
            public void rampStarted(String firstPeer) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void peerChanged(String peer, int hash, int bucket, double percent, boolean allowed) {
                throw new OutOfMemoryError("pretend");
            }
        };
        RampGate gate = new RampGate(HUNDRED_SECONDS, RampGate.StartMode.FIRST_CHECK, clock, broken);
        assertThat(gate.check("127.0.0.2").allowed()).isFalse();
        clock.advance(13, TimeUnit.SECONDS);
        assertThat(gate.check("127.0.0.2").allowed()).isTrue();
    }

    @Test
    void minPercentAllowsLowBucketsFromTheStart() {
        RampGate gate = new RampGate(new RampCurve(100 * SECOND, 1.0, 20.0), RampGate.StartMode.FIRST_CHECK, clock,
                listener);
        assertThat(gate.check("127.0.0.1").allowed()).isTrue();  // bucket 14 <= 20
        assertThat(gate.check("10.0.1.7").allowed()).isFalse();  // bucket 28 > 20
    }

    @Test
    void aNullPeerIsDecidedLikeTheEmptyAddress() {
        RampGate gate = firstCheckGate();
        Decision decision = gate.check(null);
        assertThat(decision.bucket()).isZero(); // hash("") == 0
        assertThat(decision.allowed()).isTrue();
    }
}
