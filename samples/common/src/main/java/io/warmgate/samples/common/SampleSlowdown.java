package io.warmgate.samples.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the business endpoint slow on demand, for tests that need an instance which turns slow and then recovers
 * (the agent's guard). With the system property {@value #FILE_PROPERTY} set to a file, each business request first
 * waits as many milliseconds as the file says: a whole number from 0 to {@value #MAX_DELAY_MILLIS}; a missing, empty
 * or unreadable file means 0. A test switches the sample slow and fast by rewriting the file, which is read again
 * at most every {@value #REREAD_MILLIS} ms. Without the property nothing changes.
 *
 * <p>A sleep, unlike the catalog's cold cost, on purpose: it stands for a slow dependency (a database, a remote
 * call), whose latency the instance feels without spending CPU on it.
 */
public final class SampleSlowdown {

    public static final String FILE_PROPERTY = "sample.slow-file";
    static final int MAX_DELAY_MILLIS = 60_000;
    static final long REREAD_MILLIS = 100;

    private static final SampleSlowdown OFF = new SampleSlowdown(null);

    private final Path file;
    private final AtomicLong nextReadNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile long delayMillis;

    SampleSlowdown(Path file) {
        this.file = file;
    }

    /** Configured by {@value #FILE_PROPERTY}, or off when it is not set. */
    public static SampleSlowdown fromSystemProperty() {
        String path = System.getProperty(FILE_PROPERTY);
        return path == null || path.isBlank() ? OFF : new SampleSlowdown(Paths.get(path.trim()));
    }

    /** Waits the configured delay, if any; an interrupt ends the wait and is kept for the caller. */
    public void apply() {
        if (file == null) {
            return;
        }
        long delay = currentDelayMillis();
        if (delay <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The delay now, reading the file again when the last reading is older than {@value #REREAD_MILLIS} ms. */
    long currentDelayMillis() {
        long now = System.nanoTime();
        long next = nextReadNanos.get();
        boolean due = next == Long.MIN_VALUE || now - next >= 0;
        if (due && nextReadNanos.compareAndSet(next, now + TimeUnit.MILLISECONDS.toNanos(REREAD_MILLIS))) {
            delayMillis = read(file);
        }
        return delayMillis;
    }

    static long read(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
            long millis = Long.parseLong(text);
            return Math.max(0, Math.min(MAX_DELAY_MILLIS, millis));
        } catch (IOException | NumberFormatException unreadable) {
            return 0;
        }
    }
}
