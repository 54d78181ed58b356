package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.GateMBeanClient;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code io.warmgate:type=Gate} MBean, read over a real JMX connection from this test JVM
 * ({@link GateMBeanClient}: no JMX flags on the sample), follows the gate through waiting, warming, ramping and
 * open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateMBeanIT {

    private static final Duration RAMP = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SampleProcess sample;
    private GateMBeanClient gate;

    @BeforeAll
    void startAndConnect() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-warmup-jmx", "duration=" + RAMP.toSeconds() + "s"
                + ",warmup.requests=" + WarmupSamples.itemRequests(10) + ",warmup.duration=2s,warmup.timeout=10s");
        gate = GateMBeanClient.connect(sample);
    }

    @AfterAll
    void stop() throws Exception {
        if (gate != null) {
            gate.close();
        }
        if (sample != null) {
            sample.close();
        }
    }

    private Object read(String attribute) throws Exception {
        return gate.read(attribute);
    }

    /** Polls until the phase is reached (or the time is up) and returns whether it was. */
    private boolean awaitPhase(String phase) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (phaseIs(phase)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return phaseIs(phase);
    }

    private boolean phaseIs(String phase) throws Exception {
        return gate.registered() && phase.equals(read("Phase"));
    }

    @Test
    void followsThePhases() throws Exception {
        // Registered lazily, at the first health check: never from premain, where it would initialise JMX and
        // java.util.logging before the application could configure them.
        assertThat(gate.registered()).as("registered before any health check").isFalse();

        assertThat(PeerClient.toLoopback("127.0.0.2", sample.port()).get(HEALTH).status()).isEqualTo(503);
        assertThat(awaitPhase("warming")).as("phase warming").isTrue();
        assertThat(read("Percent")).isEqualTo(0.0);
        assertThat(read("PeersSeen")).isEqualTo(1);
        assertThat(read("PeersDenied")).isEqualTo(1);
        assertThat(read("PeersAllowed")).isEqualTo(0);
        assertThat(read("RampStart")).isEqualTo("");
        assertThat(read("RampStartEpochMillis")).isEqualTo(-1L);
        assertThat(read("RampDurationSeconds")).isEqualTo((double) RAMP.toSeconds());
        assertThat(read("WarmupState")).isIn("pending", "running");
        // The line follows the registration itself, which the JMX client may already see: wait for it.
        assertThat(sample.awaitStderr(line -> line.equals("[warmgate] JMX MBean io.warmgate:type=Gate registered"),
                WAIT)).as("the registration's log line").isPresent();

        assertThat(awaitPhase("ramping")).as("phase ramping").isTrue();
        long rampStart = (Long) read("RampStartEpochMillis");
        assertThat(rampStart).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
        assertThat(read("RampStart")).isEqualTo(Instant.ofEpochMilli(rampStart).toString());
        assertThat(read("WarmupState")).isEqualTo("finished");
        assertThat(read("WarmupPort")).isEqualTo(sample.port());
        assertThat((Long) read("WarmupRequests")).isEqualTo(10L * (Integer) read("WarmupRoundsCompleted"))
                .isEqualTo(WarmupSamples.warmupRequestsCounted(sample));
        assertThat(read("WarmupErrors")).isEqualTo(0L);
        assertThat((Double) read("WarmupElapsedMillis")).isGreaterThanOrEqualTo(2000.0);
        assertThat((Double) read("WarmupFirstRoundP50Millis")).isPositive();
        assertThat((Double) read("WarmupFirstRoundP99Millis")).isGreaterThanOrEqualTo(
                (Double) read("WarmupFirstRoundP50Millis"));
        assertThat((Double) read("WarmupLastRoundP50Millis")).isPositive();
        assertThat((Double) read("Percent")).isBetween(0.0, 100.0);

        assertThat(awaitPhase("open")).as("phase open").isTrue();
        assertThat(read("Percent")).isEqualTo(100.0);
        assertThat(read("PeersDenied")).isEqualTo(0);
        assertThat(read("PeersAllowed")).isEqualTo(1);
        assertThat(read("RampStartEpochMillis")).isEqualTo(rampStart);
    }
}
