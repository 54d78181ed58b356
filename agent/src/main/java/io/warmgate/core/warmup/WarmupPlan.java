package io.warmgate.core.warmup;


import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the warm-up sends and how: the requests and the {@code warmup.*} settings, checked and ready. Immutable. */
public final class WarmupPlan {

    private final List<WarmupRequest> requests;
    private final List<HeaderField> commonHeaders;
    private final int concurrency;
    private final int rounds;
    private final long durationNanos;
    private final long timeoutNanos;
    private final int port;
    /** Where the recorded part of the list came from; null when none is recorded. */
    private final String recordedSource;

    WarmupPlan(List<WarmupRequest> requests, List<HeaderField> commonHeaders, int concurrency, int rounds,
               long durationNanos, long timeoutNanos, int port) {
        this(requests, commonHeaders, concurrency, rounds, durationNanos, timeoutNanos, port, null);
    }

    private WarmupPlan(List<WarmupRequest> requests, List<HeaderField> commonHeaders, int concurrency, int rounds,
                       long durationNanos, long timeoutNanos, int port, String recordedSource) {
        if (requests.isEmpty() || concurrency < 1 || rounds < 1 || durationNanos < 0 || timeoutNanos <= 0
                || port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a usable warm-up plan");
        }
        this.requests = Collections.unmodifiableList(new ArrayList<WarmupRequest>(requests));
        this.commonHeaders = Collections.unmodifiableList(new ArrayList<HeaderField>(commonHeaders));
        this.concurrency = concurrency;
        this.rounds = rounds;
        this.durationNanos = durationNanos;
        this.timeoutNanos = timeoutNanos;
        this.port = port;
        this.recordedSource = recordedSource;
    }

    /**
     * The plan for settings that name some requests: the requests
     * of {@code warmup.requests}, then those of {@code warmup.file}. Reads the request file and its body files.
     *
     * @throws WarmupPlanException when the file cannot be used, or a request uses a method that is not allowed
     */
    public static WarmupPlan from(WarmupSettings config) throws WarmupPlanException {
        return from(config, RecordedList.none());
    }

    /**
     * The plan with a recorded list too: the requests of {@code warmup.requests}, then {@code warmup.file}, then
     * the recording's.
     *
     * @return null when only a recording is configured and it has no requests (the first start, or an unusable
     *         file): then there is no warm-up, and the ramp runs as usual
     * @throws WarmupPlanException as {@link #from(WarmupSettings)}
     */
    public static WarmupPlan from(WarmupSettings config, RecordedList recorded) throws WarmupPlanException {
        boolean handWritten = !config.warmupRequests().isEmpty() || config.warmupFile() != null;
        if (!handWritten && recorded.requests().isEmpty()) {
            return null;
        }
        boolean unsafeAllowed = config.warmupUnsafeMethods();
        List<WarmupRequest> requests = new ArrayList<WarmupRequest>();
        for (String line : config.warmupRequests()) {
            WarmupRequest request = parse("warmup.requests", line);
            // The configuration loader refuses these already; checked again so no other path can send one.
            if (!request.isSafe() && !unsafeAllowed) {
                throw new WarmupPlanException("warmup.requests: '" + request + "' uses " + request.method()
                        + "; only GET and HEAD are sent unless warmup.unsafe-methods=true");
            }
            requests.add(request);
        }
        if (config.warmupFile() != null) {
            requests.addAll(RequestFileParser.parse(path(config.warmupFile()), unsafeAllowed));
        }
        requests.addAll(recorded.requests());
        if (requests.isEmpty()) {
            throw new WarmupPlanException("warmup.requests: no request to send");
        }
        List<HeaderField> headers = new ArrayList<HeaderField>();
        for (String header : config.warmupHeaders()) {
            try {
                headers.add(RequestSyntax.parseHeader(header));
            } catch (IllegalArgumentException bad) {
                throw new WarmupPlanException("warmup.headers: " + bad.getMessage());
            }
        }
        String source = recorded.description() == null ? null : requests.size() == recorded.requests().size()
                ? recorded.description()
                : recorded.description() + " after " + (requests.size() - recorded.requests().size())
                        + " hand-written";
        return new WarmupPlan(requests, headers, config.warmupConcurrency(), config.warmupRounds(),
                config.warmupDurationNanos(), config.warmupTimeoutNanos(), config.warmupPort(), source);
    }

    private static WarmupRequest parse(String key, String line) throws WarmupPlanException {
        try {
            return RequestSyntax.parseRequestLine(line);
        } catch (IllegalArgumentException bad) {
            throw new WarmupPlanException(key + ": " + bad.getMessage());
        }
    }

    private static Path path(String file) throws WarmupPlanException {
        try {
            return Paths.get(file);
        } catch (InvalidPathException bad) {
            throw new WarmupPlanException("warmup.file=" + file + ": not a valid path (" + bad.getMessage() + ")");
        }
    }

    /**
     * Where the recorded part of the list came from, e.g. {@code 412 requests recorded 3h ago
     * (warmup.record=/var/lib/app/warmup.txt)}; null when nothing recorded is sent.
     */
    public String recordedSource() {
        return recordedSource;
    }

    public List<WarmupRequest> requests() {
        return requests;
    }

    /** {@code warmup.headers}: sent with every request unless the request has its own header of that name. */
    public List<HeaderField> commonHeaders() {
        return commonHeaders;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Rounds to send when {@link #durationNanos()} is 0. */
    public int rounds() {
        return rounds;
    }

    /** Send rounds until this much time has passed; 0 to send {@link #rounds()} rounds instead. */
    public long durationNanos() {
        return durationNanos;
    }

    /** The hard limit for the whole warm-up. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** The port on 127.0.0.1; 0 to use the one the first health check arrived on. */
    public int port() {
        return port;
    }
}
