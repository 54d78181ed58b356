package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every warm-up request gets an error status (404 and 400): the warm-up is reported as failing, the ramp starts. */
class WarmupHttpErrorsIT extends FailingWarmupBehaviour {

    @Override
    String name() {
        return "tomcat-warmup-errors";
    }

    @Override
    String warmupArgs() {
        // id=0 is out of range: the sample answers 400, but counts the request (it carried the marker).
        return "warmup.requests=GET " + KIND.path("/no-such-page") + ";GET " + KIND.path("/api/items?id=0")
                + ",warmup.rounds=2,warmup.concurrency=1,warmup.timeout=5s";
    }

    @Override
    Duration warmupBound() {
        return Duration.ofSeconds(5);
    }

    @Override
    String expectedWarning() {
        return "4 of 4 warm-up requests failed (first error: GET " + KIND.path("/no-such-page") + ": HTTP 404)";
    }

    @Test
    void everyRoundWasSentAndAnswered() {
        assertThat(report.requests()).isEqualTo(4);
        assertThat(report.errors()).isEqualTo(4);
        assertThat(report.rounds()).isEqualTo(2);
        assertThat(WarmupSamples.warmupRequestsCounted(sample)).isEqualTo(2);
    }
}
