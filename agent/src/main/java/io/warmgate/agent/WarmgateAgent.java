package io.warmgate.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point named in the jar manifest ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>This class deliberately references nothing but JDK types, {@link AgentJarFile}, {@link StartupTimes} and
 * {@link BootstrapBridgeInjector} before the bridge is in place: the bridge classes must reach the boot loader
 * before anything loads them from the agent jar, or the application would see two copies.
 */
public final class WarmgateAgent {

    private WarmgateAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, false);
    }

    /** Attached to a running JVM: health handlers may already be loaded and must be retransformed. */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, true);
    }

    private static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        long entered = System.nanoTime();
        AgentJarFile agentJar = AgentJarFile.open();
        try {
            try {
                BootstrapBridgeInjector.inject(instrumentation, agentJar);
            } catch (IllegalStateException otherBuild) {
                System.err.println("[warmgate] ERROR " + otherBuild.getMessage() + "; this warmgate is disabled");
                return;
            } catch (Throwable failure) {
                System.err.println("[warmgate] ERROR could not put the bridge in the boot loader (" + failure + "); "
                        + "warmgate is disabled, the application runs without it");
                return;
            }
            try {
                AgentStarter.start(agentArgs, instrumentation, lateAttach, agentJar,
                        new StartupTimes(entered, System.nanoTime()));
            } catch (Throwable failure) {
                // Whatever happens, the application starts. One line says why the agent is not active.
                System.err.println("[warmgate] ERROR could not start (" + failure + "); warmgate is disabled, "
                        + "the application runs without it");
            }
        } finally {
            agentJar.close();
        }
    }
}
