package io.warmgate.bench.overhead.probe;

import java.lang.instrument.Instrumentation;

/**
 * The start-up benchmark's second arm: an agent whose {@code premain} does nothing. What it costs is what the JVM
 * charges for {@code -javaagent} itself (the instrumentation module, opening the jar, calling {@code premain}).
 */
public final class EmptyPremainAgent {

    private EmptyPremainAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        // nothing, on purpose
    }
}
