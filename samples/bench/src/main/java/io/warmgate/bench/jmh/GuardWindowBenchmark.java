package io.warmgate.bench.jmh;

import io.warmgate.core.MonotonicClock;
import io.warmgate.core.guard.RampGuard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the guard adds to each business request while the ramp runs, with 16 request threads at once: the
 * observer's {@code active()} (one volatile read) and {@code requestEnded} (a clock read and the lock-free
 * window's atomic increment, into one shared window, as in the agent). {@link #inactive} is the cost once the
 * ramp is over: {@code active()} alone.
 *
 * <p>Latencies rotate over a spread of values per thread (0.2 ms to 80 ms, one 5xx in 64), so the increments
 * land in several histogram buckets as real traffic does; a single value would make every thread contend on one
 * counter, the worst case, which {@link #recordSameLatency} measures. {@link #clockOnly} is one
 * {@code System.nanoTime()}, as a yardstick measured in the same run: on a shared machine the absolute figures
 * move with the load, their ratio much less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(16)
public class GuardWindowBenchmark {

    private static final long[] LATENCIES = {
        200_000L, 350_000L, 500_000L, 800_000L, 1_200_000L, 2_000_000L, 3_000_000L, 5_000_000L,
        1_000_000L, 900_000L, 700_000L, 1_500_000L, 2_500_000L, 12_000_000L, 80_000_000L, 600_000L
    };

    private RampGuard ramping;
    private RampGuard over;

    @Setup
    public void setUp() {
        ramping = new RampGuard(MonotonicClock.SYSTEM, 0L, 0.05, TimeUnit.SECONDS.toNanos(60));
        ramping.rampStarted();
        over = new RampGuard(MonotonicClock.SYSTEM, 0L, 0.05, TimeUnit.SECONDS.toNanos(60));
        over.rampOver();
    }

    /** Each thread's own position in the latency rotation. */
    @State(Scope.Thread)
    public static class Request {
        int next;

        long latency() {
            return LATENCIES[next++ & (LATENCIES.length - 1)];
        }

        int status() {
            return (next & 63) == 0 ? 503 : 200;
        }
    }

    @Benchmark
    public boolean record(Request request) {
        boolean active = ramping.active();
        if (active) {
            ramping.requestEnded("GET", "/api/items", "id=7", request.status(), request.latency());
        }
        return active;
    }

    @Benchmark
    public boolean recordSameLatency() {
        boolean active = ramping.active();
        if (active) {
            ramping.requestEnded("GET", "/api/items", "id=7", 200, 1_000_000L);
        }
        return active;
    }

    @Benchmark
    public long clockOnly() {
        return System.nanoTime();
    }

    @Benchmark
    public boolean inactive(Request request) {
        boolean active = over.active();
        if (active) {
            over.requestEnded("GET", "/api/items", "id=7", request.status(), request.latency());
        }
        return active;
    }
}
