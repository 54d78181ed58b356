package io.warmgate.agent.jmx;

import io.warmgate.core.AgentLog;
import io.warmgate.core.AgentThreads;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the {@link GateStatus} MBean in the platform MBean server, late and off the request thread.
 *
 * <p>Late, because the first call to {@link ManagementFactory#getPlatformMBeanServer()} initialises the JMX
 * system and, with it, java.util.logging. Doing that from premain would happen before the application can
 * install its own log manager (WildFly/JBoss set {@code java.util.logging.manager} in their main method), and
 * would break its logging. By the first health check the application has long configured itself. Off the
 * request thread, because that first initialisation can take tens of milliseconds, which must not delay a
 * health check.
 */
public final class GateMBeanRegistration {

    private final GateStatusMBean status;
    private final AgentLog log;
    private final AtomicBoolean requested = new AtomicBoolean();

    public GateMBeanRegistration(GateStatusMBean status, AgentLog log) {
        this.status = status;
        this.log = log;
    }

    /** Registers the MBean on a short-lived daemon thread ({@code warmgate-jmx}); later calls do nothing. */
    public void registerOnce() {
        if (requested.get() || !requested.compareAndSet(false, true)) {
            return;
        }
        try {
            AgentThreads.startDaemon(new Runnable() {
                @Override
                public void run() {
                    registerNow();
                }
            }, "warmgate-jmx");
        } catch (Throwable noThread) {
            log.warn("could not register the JMX MBean " + GateStatus.OBJECT_NAME + " (" + noThread + ")");
        }
    }

    /** Registers on the calling thread. Never throws: monitoring is optional, the gate works without it. */
    void registerNow() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(status, new ObjectName(GateStatus.OBJECT_NAME));
            log.info("JMX MBean " + GateStatus.OBJECT_NAME + " registered");
        } catch (InstanceAlreadyExistsException taken) {
            log.warn("the JMX name " + GateStatus.OBJECT_NAME + " is already taken (a second warmgate agent in this "
                    + "JVM?); this agent's MBean is not registered");
        } catch (Throwable failure) {
            log.warn("could not register the JMX MBean " + GateStatus.OBJECT_NAME + " (" + failure + ")");
        }
    }
}
