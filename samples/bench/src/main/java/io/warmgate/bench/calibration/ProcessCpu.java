package io.warmgate.bench.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, from Linux's {@code /proc/<pid>/stat} (user + system, all threads).
 * The resolution is one clock tick (10 ms on the usual 100 Hz), fine for costs summed over hundreds of requests.
 */
public final class ProcessCpu {

    /** Linux reports {@code utime} and {@code stime} in clock ticks; USER_HZ is 100 on every mainstream kernel. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU milliseconds used by {@code pid} so far. */
    public static long millis(long pid) throws IOException {
        return ticksToMillis(parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
    }

    /**
     * User plus system ticks from one {@code stat} line. The command name (field 2) is in parentheses and may
     * contain spaces, so the fields are counted from the last ')'.
     */
    static long parseTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state); utime is field 14 and stime field 15.
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + statLine);
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long ticksToMillis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
