package io.warmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-peer timing of one ramp: when each peer should have turned healthy and when it was first seen healthy.
 * Times are milliseconds after C, the moment the first health check was sent (the ramp started no earlier).
 */
public final class TimingReport {

    /** One peer's row. {@code deviationMillis} is empty when the peer never passed the gate. */
    public record Row(String peer, int bucket, double expectedMillis, int denied, Optional<Double> firstAllowedMillis,
                      Optional<Double> deviationMillis) {
    }

    private final List<Row> rows;
    private final String title;

    private TimingReport(String title, List<Row> rows) {
        this.title = title;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param healthPath   the gated path every peer polled
     * @param firstSentNanos C: just before the first health check was sent
     */
    public static TimingReport of(String title, List<String> peers, ExpectedRamp oracle, Recording recording,
                                  String healthPath, long firstSentNanos) {
        List<Row> rows = new ArrayList<>();
        for (String peer : peers) {
            List<Observation> answers = recording.answers(peer, healthPath);
            double expected = oracle.allowedAfterNanos(peer) / 1e6;
            int denied = (int) answers.stream().filter(Observation::deniedByWarmgate).count();
            Optional<Double> firstAllowed = answers.stream().filter(Observation::passedTheGate)
                    .map(o -> (o.receivedNanos() - firstSentNanos) / 1e6).findFirst();
            rows.add(new Row(peer, ExpectedRamp.bucket(peer), expected, denied, firstAllowed,
                    firstAllowed.map(at -> at - expected)));
        }
        return new TimingReport(title, rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public double maxDeviationMillis() {
        return rows.stream().flatMap(row -> row.deviationMillis().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(Double.NaN);
    }

    public String table() {
        StringBuilder text = new StringBuilder(title).append('\n');
        text.append(String.format(Locale.ROOT, "%-12s %6s %12s %10s %15s %13s%n", "peer", "bucket",
                "expected ms", "denials", "first allowed", "deviation ms"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-12s %6d %12.1f %10d %15s %13s%n", row.peer(), row.bucket(),
                    row.expectedMillis(), row.denied(), row.firstAllowedMillis().map(TimingReport::millis)
                            .orElse("never"), row.deviationMillis().map(TimingReport::millis).orElse("-")));
        }
        return text.append(String.format(Locale.ROOT, "max deviation: %.1f ms%n", maxDeviationMillis()))
                .toString();
    }

    /** Prints the table and keeps a copy next to the sample logs, as evidence that outlives the console. */
    public void publish(Path file) {
        String table = table();
        System.out.print(table);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
