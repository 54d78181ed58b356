package io.warmgate.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.warmgate.core.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long MS = Durations.MILLISECOND;
    private static final long SLOT = 1L << 29;
    /** An arbitrary clock origin, negative on purpose: System.nanoTime() may be. */
    private static final long T0 = -7_777_777_777L;

    private final LatencyWindow window = new LatencyWindow(8, 29);

    @Test
    void bucketsAreAtMostAQuarterWideAndInOrder() {
        for (long nanos = 1; nanos < 100_000L * MS; nanos = nanos * 3 / 2 + 1) {
            int bucket = LatencyBuckets.index(nanos);
            assertThat(LatencyBuckets.lowerNanos(bucket)).isLessThanOrEqualTo(nanos);
            assertThat(bucket + 1 == LatencyBuckets.COUNT || nanos < LatencyBuckets.lowerNanos(bucket + 1)).isTrue();
            if (nanos > 10_000) {
                assertThat((double) LatencyBuckets.representativeNanos(bucket)).isCloseTo(nanos,
                        within(nanos * 0.15));
            }
        }
        assertThat(LatencyBuckets.index(-5)).isZero();
        assertThat(LatencyBuckets.index(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    }

    @Test
    void p99IsTheNearestRankAndErrorsAreCounted() {
        for (int i = 0; i < 99; i++) {
            window.record(T0, 2 * MS, false);
        }
        window.record(T0, 300 * MS, true);
        WindowStats stats = window.read(T0);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.errorShare()).isEqualTo(0.01);
        assertThat((double) stats.p99Nanos()).isCloseTo(2 * MS, within(0.15 * 2 * MS));

        window.record(T0, 300 * MS, false); // 2 of 101: the 100th fastest is now a slow one
        assertThat((double) window.read(T0).p99Nanos()).isCloseTo(300 * MS, within(0.15 * 300 * MS));
    }

    @Test
    void requestsLeaveTheWindowAfterItsSpan() {
        long start = (T0 >> 29) << 29; // the start of a slot
        window.record(start, 50 * MS, false);
        window.record(start + 3 * SLOT, 1 * MS, false);
        assertThat(window.read(start + 7 * SLOT).count()).isEqualTo(2);
        assertThat(window.read(start + 8 * SLOT).count()).isEqualTo(1);
        assertThat(window.read(start + 11 * SLOT).count()).isZero();
        assertThat(window.read(start + 11 * SLOT).p99Nanos()).isEqualTo(-1);
    }

    @Test
    void aReusedSlotStartsEmpty() {
        window.record(T0, 80 * MS, true);
        window.record(T0 + 8 * SLOT, 1 * MS, false); // same slot, next lap of the ring
        WindowStats stats = window.read(T0 + 8 * SLOT);
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
        assertThat(stats.p99Nanos()).isLessThan(2 * MS);
    }

    @Test
    void aLateReadingIsDroppedRatherThanCountedInANewerPeriod() {
        window.record(T0 + 8 * SLOT, 1 * MS, false);
        window.record(T0, 900 * MS, false); // a thread that read the clock a lap ago
        assertThat(window.read(T0 + 8 * SLOT).count()).isEqualTo(1);
    }

    @Test
    void onlyPowersOfTwoAreAccepted() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new LatencyWindow(10, 29));
        assertThat(window.spanNanos()).isEqualTo(8L << 29);
    }

    @Test
    void concurrentRecordingLosesNothingWithinOneSlot() throws Exception {
        int threads = 8;
        int each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    window.record(T0, (i % 7) * MS, i % 100 == 0);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        WindowStats stats = window.read(T0);
        assertThat(stats.count()).isEqualTo(threads * each);
        assertThat(stats.errors()).isEqualTo(threads * each / 100);
    }
}
