package io.warmgate.cli;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to the warmgate MBean of another JVM on this machine, found by its process id.
 *
 * <p>It goes through the JDK's attach API only to start that JVM's local management agent (what jconsole does),
 * then talks JMX. No agent is loaded into the target, so none of JDK 21+'s warnings about dynamically loaded
 * agents appear, and the target needs no JVM flags. The attach API ({@code com.sun.tools.attach}) is reached
 * reflectively: it is the {@code jdk.attach} module of a JDK 9+, or {@code lib/tools.jar} of a Java 8 JDK, and
 * not part of the Java 8 API the agent is compiled against.
 */
final class GateConnection implements Closeable {

    static final String OBJECT_NAME = "io.warmgate:type=Gate";

    /** Why a command could not reach the MBean; its message is one line for the operator. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName gate;

    private GateConnection(JMXConnector connector, MBeanServerConnection server, ObjectName gate) {
        this.connector = connector;
        this.server = server;
        this.gate = gate;
    }

    static GateConnection open(String pid) throws Unreachable {
        String address = localManagementAddress(pid);
        JMXConnector connector = null;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName gate = new ObjectName(OBJECT_NAME);
            if (!server.isRegistered(gate)) {
                throw new Unreachable("JVM " + pid + " has no " + OBJECT_NAME + " MBean: either warmgate is not "
                        + "active in it, or it has not received a health check yet (the MBean is registered at the "
                        + "first one)");
            }
            return new GateConnection(connector, server, gate);
        } catch (Unreachable unreachable) {
            closeQuietly(connector);
            throw unreachable;
        } catch (Exception failed) {
            closeQuietly(connector);
            throw new Unreachable("could not connect to JVM " + pid + " over JMX (" + failed + ")");
        }
    }

    /** Invokes an operation without arguments that returns a line of text. */
    String invoke(String operation) throws Unreachable {
        try {
            return String.valueOf(server.invoke(gate, operation, new Object[0], new String[0]));
        } catch (Exception failed) {
            throw new Unreachable("the " + operation + " operation failed (" + failed + ")");
        }
    }

    /** Starts (or finds) the target's local JMX agent through the attach API and returns its address. */
    private static String localManagementAddress(String pid) throws Unreachable {
        Class<?> virtualMachine = attachApi();
        requireListedJvm(virtualMachine, pid);
        Object vm;
        try {
            vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
        } catch (InvocationTargetException refused) {
            throw new Unreachable("cannot attach to JVM " + pid + " (" + refused.getCause() + "); it must be a Java "
                    + "process of the same user, on this machine (and in the same container), started without "
                    + "-XX:+DisableAttachMechanism");
        } catch (ReflectiveOperationException broken) {
            throw new Unreachable("the attach API is not usable here (" + broken + ")");
        }
        try {
            return (String) virtualMachine.getMethod("startLocalManagementAgent").invoke(vm);
        } catch (InvocationTargetException failed) {
            throw new Unreachable("JVM " + pid + " could not start its local JMX agent (" + failed.getCause()
                    + "); its runtime may lack the jdk.management.agent module");
        } catch (ReflectiveOperationException broken) {
            throw new Unreachable("the attach API is not usable here (" + broken + ")");
        } finally {
            try {
                virtualMachine.getMethod("detach").invoke(vm);
            } catch (Exception ignored) {
                // the connection is closed when this process exits anyway
            }
        }
    }

    /**
     * Refuses a process id that is not a JVM this user can see (as {@code jps} lists them). Attaching sends the
     * target SIGQUIT first, which a process that is not a JVM does not expect and may die of: a mistyped pid must
     * never reach it.
     */
    private static void requireListedJvm(Class<?> virtualMachine, String pid) throws Unreachable {
        try {
            Class<?> descriptor = Class.forName("com.sun.tools.attach.VirtualMachineDescriptor", false,
                    virtualMachine.getClassLoader());
            for (Object listed : (java.util.List<?>) virtualMachine.getMethod("list").invoke(null)) {
                if (pid.equals(descriptor.getMethod("id").invoke(listed))) {
                    return;
                }
            }
        } catch (ReflectiveOperationException broken) {
            throw new Unreachable("the attach API is not usable here (" + broken + ")");
        }
        throw new Unreachable("no JVM with process id " + pid + " is visible to this user (jps lists the ones that "
                + "are); run the command as the JVM's user, on the same machine and in the same container");
    }

    private static Class<?> attachApi() throws Unreachable {
        String name = "com.sun.tools.attach.VirtualMachine";
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException notOnClassPath) {
            // A Java 8 JDK keeps the attach API in lib/tools.jar, which is not on the class path by default.
            File javaHome = new File(System.getProperty("java.home"));
            for (File tools : new File[] {new File(javaHome, "../lib/tools.jar"), new File(javaHome, "lib/tools.jar")}) {
                if (tools.isFile()) {
                    try {
                        return Class.forName(name, true, new URLClassLoader(new URL[] {tools.toURI().toURL()}));
                    } catch (Exception unusable) {
                        break;
                    }
                }
            }
        }
        throw new Unreachable("this Java runtime (" + System.getProperty("java.home") + ") has no attach API; run "
                + "the command with a JDK's java: JDK 9 or later (module jdk.attach), or a Java 8 JDK (lib/tools.jar)");
    }

    @Override
    public void close() {
        closeQuietly(connector);
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector == null) {
            return;
        }
        try {
            connector.close();
        } catch (IOException ignored) {
            // the other JVM may be gone already
        }
    }
}
