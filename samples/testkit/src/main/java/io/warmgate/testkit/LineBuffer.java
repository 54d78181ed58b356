package io.warmgate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lines one output stream of a child process has printed so far. One pump thread appends; any thread may
 * read a snapshot or wait for a line that matches.
 */
final class LineBuffer {

    /** Waiters wake at least this often, so a caller's extra stop condition is noticed promptly. */
    private static final long MAX_WAIT_SLICE_MILLIS = 100;

    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    synchronized void add(String line) {
        lines.add(line);
        notifyAll();
    }

    /** The stream reached its end (the process exited or closed it): no more lines will come. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    /**
     * The first line, old or new, that matches; empty if none did before the timeout or the end of the stream.
     */
    synchronized Optional<String> await(Predicate<String> matcher, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (matcher.test(lines.get(checked))) {
                    return Optional.of(lines.get(checked));
                }
            }
            long remaining = deadline - System.nanoTime();
            if (ended || remaining <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, Math.min(MAX_WAIT_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining))));
        }
    }
}
