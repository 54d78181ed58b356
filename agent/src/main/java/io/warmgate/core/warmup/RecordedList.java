package io.warmgate.core.warmup;

import io.warmgate.core.Durations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * The request list a previous run recorded ({@code warmup.record}), read at start to be replayed as the warm-up.
 * Unlike {@code warmup.file}, a recording that cannot be used is no configuration error: it is data a previous
 * run left, so the agent warns once, runs without it, and the next good recording overwrites it.
 */
public final class RecordedList {

    private static final RecordedList NONE = new RecordedList(Collections.<WarmupRequest>emptyList(), null, null);

    private final List<WarmupRequest> requests;
    /** For the warm-up report; null without requests. */
    private final String description;
    /** For one warning; null when the file was usable or absent. */
    private final String problem;

    private RecordedList(List<WarmupRequest> requests, String description, String problem) {
        this.requests = requests;
        this.description = description;
        this.problem = problem;
    }

    /** No recording configured. */
    public static RecordedList none() {
        return NONE;
    }

    /**
     * Reads the recording. Never throws: a missing file (the very first start) gives no requests and no problem,
     * an unusable one gives no requests and a {@link #problem()}.
     *
     * @param file       {@code warmup.record}, or null
     * @param nowMillis  the wall-clock time, to say how old the recording is
     */
    public static RecordedList load(String file, long nowMillis) {
        if (file == null) {
            return NONE;
        }
        Path path;
        try {
            path = Paths.get(file);
        } catch (InvalidPathException bad) {
            return unusable(file, "not a valid path (" + bad.getMessage() + ")");
        }
        if (!Files.exists(path)) {
            return NONE;
        }
        try {
            long age = Math.max(0L, nowMillis - Files.getLastModifiedTime(path).toMillis()) * Durations.MILLISECOND;
            List<WarmupRequest> requests = RequestFileParser.parse(path, "warmup.record", false);
            String description = requests.size() + (requests.size() == 1 ? " request" : " requests")
                    + " recorded " + Durations.roughly(age) + " ago (warmup.record=" + file + ")";
            return new RecordedList(Collections.unmodifiableList(requests), description, null);
        } catch (WarmupPlanException bad) {
            return unusable(file, bad.getMessage());
        } catch (IOException | RuntimeException unreadable) {
            return unusable(file, "warmup.record=" + file + ": cannot be read (" + unreadable + ")");
        }
    }

    private static RecordedList unusable(String file, String why) {
        return new RecordedList(Collections.<WarmupRequest>emptyList(), null, why + "; no warm-up from the "
                + "recording this time, the ramp runs as usual, and the next recording overwrites the file");
    }

    public List<WarmupRequest> requests() {
        return requests;
    }

    /** E.g. {@code 412 requests recorded 3h ago (warmup.record=/var/lib/app/warmup.txt)}; null without requests. */
    public String description() {
        return description;
    }

    /** One warning line when the file exists but cannot be used; null otherwise. */
    public String problem() {
        return problem;
    }
}
