package io.warmgate.bench.jmh;

import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.record.LineRules;
import io.warmgate.core.record.TrafficRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code warmup.record} adds to every business request: {@code active()} and {@code requestEnded(...)} of the
 * recorder, from 16 threads at once, on a realistic mix (1024 distinct request lines, Zipf-like: a few hot, a long
 * tail, one in eight unique) with new String instances per request, as servers hand them over. {@link #baseline}
 * does the same per-request work without the recorder, so the difference is the recorder's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(16)
public class RecorderBenchmark {

    private static final int LINES = 1024;
    private static final AgentLog QUIET = new AgentLog(AgentLog.Level.OFF, System.err);

    private TrafficRecorder recorder;
    private final String[] paths = new String[LINES];
    private final String[] queries = new String[LINES];

    @Setup
    public void setUp() throws IOException {
        Path file = Files.createTempDirectory("warmgate-jmh").resolve("recording.txt");
        // The interval is long: the benchmark measures the request threads, not the writer.
        recorder = new TrafficRecorder(file, 500, new LineRules(false, Collections.<String>emptyList()),
                TrafficRecorder.DEFAULT_SAMPLE_EVERY, TimeUnit.HOURS.toNanos(1), QUIET, MonotonicClock.SYSTEM);
        Random random = new Random(7);
        for (int i = 0; i < LINES; i++) {
            int rank = (int) Math.min(LINES - 1, Math.floor(Math.pow(LINES, random.nextDouble())) - 1);
            paths[i] = "/shop/api/items/" + rank;
            queries[i] = i % 8 == 0 ? "q=" + i + "&session=abc" + i : (i % 2 == 0 ? "id=" + rank : null);
        }
    }

    /** Each thread walks the mix from its own place. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 97);
    }

    @Benchmark
    public void recorder(Cursor cursor) {
        int i = cursor.next++ & (LINES - 1);
        String path = new String(paths[i]); // a server's own instance: no cached hash code
        if (recorder.active()) {
            recorder.requestEnded("GET", path, queries[i], 200, 1000L);
        }
    }

    @Benchmark
    public void baseline(Cursor cursor, Blackhole hole) {
        int i = cursor.next++ & (LINES - 1);
        String path = new String(paths[i]);
        hole.consume(path);
        hole.consume(queries[i]);
    }
}
