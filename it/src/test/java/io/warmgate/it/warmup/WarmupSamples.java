package io.warmgate.it.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the warm-up tests share: the sample they run, its request lists, and reading its counters. */
public final class WarmupSamples {

    /** The Tomcat sample: context path /shop, and a cold-sensitive /api/items. */
    static final SampleKind KIND = SampleKind.TOMCAT;
    static final String HEALTH = KIND.path("/health");

    private WarmupSamples() {
    }

    /** {@code GET /shop/api/items?id=1;...;GET /shop/api/items?id=n}: every id is a cold cache miss once. */
    public static String itemRequests(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(id -> "GET " + KIND.path("/api/items?id=" + id))
                .collect(Collectors.joining(";"));
    }

    /** Business requests the sample counted as carrying the warm-up marker header. */
    static long warmupRequestsCounted(SampleProcess sample) {
        return warmupRequestsCounted(sample, KIND.path("/api/stats"));
    }

    /** As {@link #warmupRequestsCounted(SampleProcess)}, for a sample whose stats are at {@code statsPath}. */
    static long warmupRequestsCounted(SampleProcess sample, String statsPath) {
        try {
            HttpResult stats = PeerClient.toLoopback("127.0.0.1", sample.port()).get(statsPath);
            assertThat(stats.status()).isEqualTo(200);
            for (String line : stats.body().split("\n")) {
                if (line.startsWith("warmup.requests=")) {
                    return Long.parseLong(line.substring("warmup.requests=".length()).trim());
                }
            }
            throw new AssertionError("no warmup.requests in the stats: " + stats.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the report line the agent prints when the warm-up ends. */
    static WarmupReportLine awaitReport(SampleProcess sample, Duration timeout) {
        sample.awaitStderr(line -> line.startsWith("[warmgate] warm-up finished"), timeout);
        return WarmupReportLine.find(sample.stderrLines())
                .orElseThrow(() -> new AssertionError("no warm-up report\n" + sample.recentOutput()));
    }

    /** Index of the first stderr line containing {@code text}, or -1. */
    static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
