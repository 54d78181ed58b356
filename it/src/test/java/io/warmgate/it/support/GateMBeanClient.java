package io.warmgate.it.support;

import com.sun.tools.attach.VirtualMachine;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The agent's {@code io.warmgate:type=Gate} MBean in a running sample, over a real JMX connection from this test
 * JVM. The sample JVM needs no JMX flags: {@link #connect} starts the JDK's local management agent in it through
 * the attach API, as jconsole does.
 */
public final class GateMBeanClient implements AutoCloseable {

    public static final ObjectName GATE = gateName();

    private final JMXConnector connector;
    private final MBeanServerConnection jmx;

    private GateMBeanClient(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.jmx = connector.getMBeanServerConnection();
    }

    public static GateMBeanClient connect(SampleProcess sample) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(sample.pid()));
        try {
            return new GateMBeanClient(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
        } finally {
            vm.detach();
        }
    }

    /** The agent registers its MBean lazily, at the first health check. */
    public boolean registered() throws IOException {
        return jmx.isRegistered(GATE);
    }

    public Object read(String attribute) throws IOException, JMException {
        return jmx.getAttribute(GATE, attribute);
    }

    /** Runs an operation without parameters; the gate's operations answer with a message. */
    public String invoke(String operation) throws IOException, JMException {
        return (String) jmx.invoke(GATE, operation, null, null);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    private static ObjectName gateName() {
        try {
            return new ObjectName("io.warmgate:type=Gate");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
