package io.warmgate.it.warmup;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's warm-up report, parsed from its log line, e.g. {@code [warmgate] warm-up finished in 3.02s: 1860
 * requests, 0 errors, 60 rounds to port 41233; first round p50 31.2ms p99 1.21s, last round p50 0.9ms p99 2.1ms}, and
 * for a recorded list {@code ...; list: 20 requests recorded 5s ago (warmup.record=/path)}.
 */
record WarmupReportLine(String line, String elapsed, long requests, long errors, int rounds, int port,
                        boolean timedOut, String latencies, String list) {

    private static final Pattern FORM = Pattern.compile("\\[warmgate] warm-up finished in (\\S+): (\\d+) requests?, "
            + "(\\d+) errors?, (\\d+) rounds?(?: to port (\\d+))?( \\(stopped by warmup\\.timeout\\))?; (.+?)"
            + "(?:; list: (.+))?");
    private static final Pattern FIRST_AND_LAST =
            Pattern.compile("first round p50 (\\S+) p99 (\\S+), last round p50 (\\S+) p99 (\\S+)");

    /** Latencies in ms: first round p50, p99, last round p50, p99; empty when there was no second round. */
    Optional<double[]> firstAndLastRoundMillis() {
        Matcher matcher = FIRST_AND_LAST.matcher(latencies);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double[] millis = new double[4];
        for (int i = 0; i < 4; i++) {
            millis[i] = millis(matcher.group(i + 1));
        }
        return Optional.of(millis);
    }

    /** {@code 25.9ms} or {@code 1.21s} in milliseconds. */
    static double millis(String latency) {
        if (latency.endsWith("ms")) {
            return Double.parseDouble(latency.substring(0, latency.length() - 2));
        }
        if (latency.endsWith("s")) {
            return Double.parseDouble(latency.substring(0, latency.length() - 1)) * 1000.0;
        }
        throw new IllegalArgumentException("not a latency: " + latency);
    }

    static Optional<WarmupReportLine> find(List<String> stderr) {
        for (String line : stderr) {
            Matcher matcher = FORM.matcher(line);
            if (matcher.matches()) {
                return Optional.of(new WarmupReportLine(line, matcher.group(1), Long.parseLong(matcher.group(2)),
                        Long.parseLong(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                        matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5)), matcher.group(6) != null,
                        matcher.group(7), matcher.group(8)));
            }
        }
        return Optional.empty();
    }
}
