package io.warmgate.it.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A warm-up far longer than its timeout (a million rounds): it is cut off at warmup.timeout and the ramp starts. */
class WarmupTimeoutIT extends FailingWarmupBehaviour {

    @Override
    String name() {
        return "tomcat-warmup-timeout";
    }

    @Override
    String warmupArgs() {
        return "warmup.requests=" + WarmupSamples.itemRequests(5) + ",warmup.rounds=1000000,warmup.timeout=2s";
    }

    @Override
    Duration warmupBound() {
        return Duration.ofSeconds(2);
    }

    @Override
    String expectedWarning() {
        return "warm-up timed out after 2s (warmup.timeout) with ";
    }

    @Test
    void theReportSaysTheTimeoutStoppedIt() {
        assertThat(report.timedOut()).as(report.line()).isTrue();
        // A request still in flight at the timeout is neither an error nor counted; the sample may count it.
        assertThat(report.errors()).isZero();
        assertThat(WarmupSamples.warmupRequestsCounted(sample)).isGreaterThanOrEqualTo(report.requests());
    }
}
