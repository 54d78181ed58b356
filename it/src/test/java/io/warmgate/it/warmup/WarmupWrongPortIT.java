package io.warmgate.it.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** warmup.port points where nothing listens: one round of refused connections, a warning, and the ramp. */
class WarmupWrongPortIT extends FailingWarmupBehaviour {

    private final int closedPort = closedPort();

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String name() {
        return "tomcat-warmup-wrong-port";
    }

    @Override
    String warmupArgs() {
        return "warmup.requests=" + WarmupSamples.itemRequests(2) + ",warmup.port=" + closedPort
                + ",warmup.timeout=5s";
    }

    @Override
    Duration warmupBound() {
        return Duration.ofSeconds(5);
    }

    @Override
    String expectedWarning() {
        return "warm-up gave up: no request of round 1 got an answer from 127.0.0.1:" + closedPort + " (first error: ";
    }

    @Test
    void theReportCountsTheFailedRoundAndNothingReachedTheApp() {
        assertThat(report.line()).endsWith(": 2 requests, 2 errors, 1 round to port " + closedPort
                + "; no answer to measure");
        assertThat(WarmupSamples.warmupRequestsCounted(sample)).isZero();
    }
}
