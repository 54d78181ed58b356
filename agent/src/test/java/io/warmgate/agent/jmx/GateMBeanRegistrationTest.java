package io.warmgate.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.warmup.WarmupProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GateMBeanRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name = objectName();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logBytes, true));

    private static ObjectName objectName() {
        try {
            return new ObjectName("io.warmgate:type=Gate");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GateStatus status() {
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(30), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, null);
        return new GateStatus(gate, WarmupProgress.off(), MonotonicClock.SYSTEM);
    }

    @AfterEach
    void unregister() throws Exception {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void isAStandardMBeanUnderTheDocumentedName() throws Exception {
        new GateMBeanRegistration(status(), log).registerNow();
        assertThat(server.isRegistered(name)).isTrue();
        assertThat(server.getAttribute(name, "Phase")).isEqualTo("waiting");
        assertThat(server.getAttribute(name, "Percent")).isEqualTo(0.0);
        assertThat(server.getAttribute(name, "RampDurationSeconds")).isEqualTo(30.0);
        assertThat(server.getAttribute(name, "WarmupState")).isEqualTo("off");
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
            assertThat(attribute.isWritable()).as(attribute.getName()).isFalse();
            assertThat(attribute.getType()).as(attribute.getName()).isIn("java.lang.String", "double", "int", "long");
        }
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).isEqualTo("[warmgate] JMX MBean io.warmgate:type=Gate "
                + "registered" + System.lineSeparator());
    }

    @Test
    void registersOnceOnItsOwnThread() throws Exception {
        GateMBeanRegistration registration = new GateMBeanRegistration(status(), log);
        registration.registerOnce();
        registration.registerOnce();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.isRegistered(name) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.isRegistered(name)).isTrue();
        Thread.sleep(100); // a second registration, if there were one, would now log that the name is taken
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void aTakenNameIsAWarningNotAFailure() throws Exception {
        new GateMBeanRegistration(status(), log).registerNow();
        new GateMBeanRegistration(status(), log).registerNow();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("[warmgate] WARN the JMX name "
                + "io.warmgate:type=Gate is already taken");
    }
}
