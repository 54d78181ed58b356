package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.lbsim.PeerClient;
import io.warmgate.lbsim.SampleProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code io.warmgate:type=Gate} MBean, read over a real JMX connection from this test JVM, follows the gate
 * through waiting, warming, ramping and open. The sample JVM gets no JMX flags: the test starts the JDK's local
 * management agent in it through the attach API, as jconsole does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateMBeanIT {

    private static final Duration RAMP = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ObjectName gate = objectName();
    private SampleProcess sample;
    private JMXConnector connector;
    private MBeanServerConnection jmx;

    private static ObjectName objectName() {
        try {
            return new ObjectName("io.warmgate:type=Gate");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void startAndConnect() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-warmup-jmx", "duration=" + RAMP.toSeconds() + "s"
                + ",warmup.requests=" + WarmupSamples.itemRequests(10) + ",warmup.duration=2s,warmup.timeout=10s");
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(sample.pid()));
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
        jmx = connector.getMBeanServerConnection();
    }

    @AfterAll
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (sample != null) {
            sample.close();
        }
    }

    private Object read(String attribute) throws Exception {
        return jmx.getAttribute(gate, attribute);
    }

    /** Polls until the condition holds (or the time is up) and returns whether it did. */
    private boolean await(Predicate<MBeanServerConnection> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(jmx)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.test(jmx);
    }

    private boolean phaseIs(String phase) {
        try {
            return jmx.isRegistered(gate) && phase.equals(read("Phase"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void followsThePhases() throws Exception {
        // Registered lazily, at the first health check: never from premain, where it would initialise JMX and
        // java.util.logging before the application could configure them.
        assertThat(jmx.isRegistered(gate)).as("registered before any health check").isFalse();

        assertThat(PeerClient.toLoopback("127.0.0.2", sample.port()).get(HEALTH).status()).isEqualTo(503);
        assertThat(await(connection -> phaseIs("warming"))).as("phase warming").isTrue();
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

        assertThat(await(connection -> phaseIs("ramping"))).as("phase ramping").isTrue();
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

        assertThat(await(connection -> phaseIs("open"))).as("phase open").isTrue();
        assertThat(read("Percent")).isEqualTo(100.0);
        assertThat(read("PeersDenied")).isEqualTo(0);
        assertThat(read("PeersAllowed")).isEqualTo(1);
        assertThat(read("RampStartEpochMillis")).isEqualTo(rampStart);
    }
}
