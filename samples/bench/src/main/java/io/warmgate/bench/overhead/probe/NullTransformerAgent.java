package io.warmgate.bench.overhead.probe;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The start-up benchmark's third arm: an agent that registers one transformer which changes nothing. Once any
 * transformer is registered the JVM hands it every class that loads, including those it would otherwise map
 * straight from the class-data sharing archive; that is the floor every instrumenting agent pays.
 */
public final class NullTransformerAgent implements ClassFileTransformer {

    private NullTransformerAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        instrumentation.addTransformer(new NullTransformerAgent());
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        return null;
    }
}
