package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WarmupReportTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void latenciesHaveThreeSignificantDigits() {
        assertThat(WarmupReport.latency(25_877_000L)).isEqualTo("25.9ms");
        assertThat(WarmupReport.latency(412_345L)).isEqualTo("0.412ms");
        assertThat(WarmupReport.latency(42_100L)).isEqualTo("0.0421ms");
        assertThat(WarmupReport.latency(2_000_000L)).isEqualTo("2ms");
        assertThat(WarmupReport.latency(1_211_000_000L)).isEqualTo("1.21s");
        assertThat(WarmupReport.latency(30_000_000_000L)).isEqualTo("30s");
    }

    @Test
    void aRoundCutShortBySaysSo() {
        RoundStats partial = new RoundStats(1, 2, 0, new long[] {5 * MS, 7 * MS}, false);
        WarmupReport report = new WarmupReport(WarmupReport.Outcome.TIMED_OUT, 9000, 2, 0, 0, partial, null,
                TimeUnit.SECONDS.toNanos(2), null, TimeUnit.SECONDS.toNanos(2));
        assertThat(report.summary()).isEqualTo("warm-up finished in 2s: 2 requests, 0 errors, 0 rounds to port 9000 "
                + "(stopped by warmup.timeout); first round (cut short) p50 5ms p99 7ms, no later round to compare");
        assertThat(report.problem()).isEqualTo("warm-up timed out after 2s (warmup.timeout) with 0 complete rounds; "
                + "the ramp starts anyway");
    }

    @Test
    void aFailureInsideTheAgentIsReportedAsSuch() {
        WarmupReport report = WarmupReport.withoutRequests(WarmupReport.Outcome.FAILED, 0L,
                "warm-up failed (java.lang.IllegalStateException: boom)", MS);
        assertThat(report.problem()).isEqualTo("warm-up failed (java.lang.IllegalStateException: boom); the ramp "
                + "starts anyway");
        assertThat(report.summary()).isEqualTo("warm-up finished in 0s: 0 requests, 0 errors, 0 rounds; no answer to "
                + "measure");
    }
}
