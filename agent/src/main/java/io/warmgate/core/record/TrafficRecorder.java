package io.warmgate.core.record;

import io.warmgate.core.AgentLog;
import io.warmgate.core.AgentThreads;
import io.warmgate.core.BusinessObserver;
import io.warmgate.core.Durations;
import io.warmgate.core.Labels;
import io.warmgate.core.MonotonicClock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records what real traffic asks for ({@code warmup.record}): the most frequent GET and HEAD request lines of
 * business requests that did not fail with a 5xx, written in the {@code warmup.file} format now and then and at
 * shutdown, so that the next start replays them as its warm-up.
 *
 * <p>On a request thread it costs a counter increment and a thread-local random draw; one request in
 * {@code sampleEvery} is also turned into a line and counted in {@link FrequentLines}, lock-free. Everything else
 * (choosing, formatting, writing) happens on the writer thread or in the shutdown hook.
 */
public final class TrafficRecorder implements BusinessObserver {

    /**
     * One request in 16 is counted. Enough for a stable top list within minutes at tens of requests per second,
     * and it keeps the string work and the shared counters off fifteen of sixteen requests.
     */
    public static final int DEFAULT_SAMPLE_EVERY = 16;

    /** Where the recording is; lower case, as the MBean shows it. */
    public enum State {
        RECORDING,
        /** Stopped at shutdown, after its last write. */
        STOPPED;

        private final String label = Labels.of(this);

        public String label() {
            return label;
        }
    }

    private final RecordingFile file;
    private final int kept;
    private final LineRules rules;
    private final int sampleMask;
    private final long intervalNanos;
    private final AgentLog log;
    private final MonotonicClock clock;
    private final long startNanos;
    private final FrequentLines lines;
    private final LongAdder seen = new LongAdder();
    private final LongAdder sampled = new LongAdder();
    private volatile boolean active = true;
    /** Guarded by {@code this}, which only the writer thread and the shutdown hook take. */
    private long sampledAtLastWrite;
    private volatile long lastWriteEpochMillis = -1L;
    private volatile int lastWriteLines;
    private volatile String lastProblem;

    /**
     * @param kept          {@code warmup.record.lines}: how many lines a recording holds at most
     * @param sampleEvery   a power of two; 1 counts every request (tests)
     * @param intervalNanos {@code warmup.record.interval}: how often the file is written while the instance runs
     */
    public TrafficRecorder(Path file, int kept, LineRules rules, int sampleEvery, long intervalNanos, AgentLog log,
                           MonotonicClock clock) {
        if (kept < 1 || sampleEvery < 1 || Integer.bitCount(sampleEvery) != 1 || intervalNanos <= 0) {
            throw new IllegalArgumentException("not a usable recording");
        }
        this.file = new RecordingFile(file);
        this.kept = kept;
        this.rules = rules;
        this.sampleMask = sampleEvery - 1;
        this.intervalNanos = intervalNanos;
        this.log = log;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.lines = new FrequentLines(kept);
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public void requestEnded(String method, String path, String query, int status, long elapsedNanos) {
        if (status >= 500 || !LineRules.isRecordedMethod(method)) {
            return;
        }
        seen.increment();
        if ((ThreadLocalRandom.current().nextInt() & sampleMask) != 0) {
            return;
        }
        sampled.increment();
        String line = rules.lineOf(method, path, query);
        if (line != null) {
            lines.add(line);
        }
    }

    /**
     * Starts the writer, a daemon thread ({@code warmgate-record}) that writes every {@code intervalNanos}, and a
     * shutdown hook for the last write. SIGTERM with a drain reaches the JVM's shutdown only once the drain is
     * over, so the hook also records the traffic served while draining.
     */
    public void start() {
        try {
            startThreads();
        } catch (Throwable failure) {
            log.warn("the recording could not start its writer (" + failure + "); the file is written at "
                    + "shutdown only, if at all");
        }
    }

    private void startThreads() {
        AgentThreads.startDaemon(new Runnable() {
            @Override
            public void run() {
                writePeriodically();
            }
        }, "warmgate-record");
        Thread hook = new Thread(new Runnable() {
            @Override
            public void run() {
                stop();
            }
        }, "warmgate-record-shutdown");
        hook.setContextClassLoader(null);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void writePeriodically() {
        long millis = Math.max(1L, intervalNanos / Durations.MILLISECOND);
        while (active) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException stop) {
                return;
            }
            if (active) {
                write(false);
            }
        }
    }

    /** The last write, at shutdown: stops recording first, so nothing is counted after it. */
    public void stop() {
        active = false;
        write(true);
    }

    /**
     * Writes the file now, unless nothing new was counted since the last write or nothing at all is worth
     * keeping: a recording never replaces a good file with an empty one. Never throws.
     *
     * @return true when the file was written
     */
    public synchronized boolean write(boolean atShutdown) {
        try {
            long sampledNow = sampled.sum();
            if (sampledNow == sampledAtLastWrite) {
                return false;
            }
            List<FrequentLines.Counted> top = RecordingFile.writable(lines.top(kept));
            if (top.isEmpty()) {
                return false;
            }
            long now = System.currentTimeMillis();
            RecordingFile.Summary summary = new RecordingFile.Summary(Instant.ofEpochMilli(now).toString(),
                    clock.nanoTime() - startNanos, seen.sum(), lines.total());
            file.write(RecordingFile.format(top, summary));
            boolean first = lastWriteEpochMillis < 0;
            sampledAtLastWrite = sampledNow;
            lastWriteEpochMillis = now;
            lastWriteLines = top.size();
            lastProblem = null;
            String line = "recording written to " + file.target() + ": " + top.size() + " request lines from "
                    + summary.requestsSeen + " requests" + (atShutdown ? " (at shutdown)" : "");
            if (atShutdown || first) { // the periodic writes after the first would only repeat it
                log.info(line);
            } else {
                log.debug(line);
            }
            return true;
        } catch (IOException | RuntimeException failed) {
            lastProblem = String.valueOf(failed);
            log.warnOnce("record-write", "could not write the recording to " + file.target() + " (" + failed
                    + "); the previous file, if any, is left as it was. The application is not affected");
            return false;
        }
    }

    public State state() {
        return active ? State.RECORDING : State.STOPPED;
    }

    public Path file() {
        return file.target();
    }

    /** GET and HEAD business requests without a 5xx, since the start. */
    public long requestsSeen() {
        return seen.sum();
    }

    /** Distinct lines held in memory now (up to twice {@code warmup.record.lines}). */
    public int linesInMemory() {
        return lines.distinct();
    }

    /** When the file was last written, in epoch milliseconds; -1 before the first write. */
    public long lastWriteEpochMillis() {
        return lastWriteEpochMillis;
    }

    public int lastWriteLines() {
        return lastWriteLines;
    }

    /** Why the last write failed, or null when it did not. */
    public String lastProblem() {
        return lastProblem;
    }
}
