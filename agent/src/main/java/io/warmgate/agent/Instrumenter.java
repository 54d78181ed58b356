package io.warmgate.agent;

import io.warmgate.core.AgentLog;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Installs one Byte Buddy transformer that applies every framework's advice. */
final class Instrumenter {

    private Instrumenter() {
    }

    /**
     * The shaded Byte Buddy's switch for its "nexus" (a helper it injects for initialisers of generated types).
     * Advice never needs it, and preparing it reaches for {@code sun.misc.Unsafe}, which Java 24 and later warn
     * about on stderr. The name is in our own shaded namespace, so it concerns only our copy of Byte Buddy.
     */
    private static final String NEXUS_SWITCH = "io.warmgate.shaded.bytebuddy.nexus.disabled";

    /**
     * @param lateAttach true when attached to a running JVM. Only then can a health handler already be loaded, so
     *                   only then are loaded classes retransformed: walking the few hundred JDK classes loaded
     *                   before {@code premain} costs about a second of start-up and finds nothing there.
     */
    static void install(Instrumentation instrumentation, List<HandlerInstrumentation> frameworks, AgentLog log,
                        boolean lateAttach) {
        AgentBuilder builder = newAgentBuilder()
                // Advice only: no new fields or methods, so already loaded classes can be retransformed too.
                .disableClassFormatChanges()
                .with(lateAttach ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                // Describe types from their class files, never by loading classes during matching.
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                // Most classes can never match; they are ruled out from their constant pool, unparsed.
                .with(new ScreeningBufferStrategy(ClassFileScreen.of(frameworks)))
                .with(new LoggingListener(log))
                .ignore(ScreeningBufferStrategy.isScreenedOut()
                        .or(nameStartsWith("java."))
                        .or(nameStartsWith("javax.management."))
                        .or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun."))
                        // The agent's own classes, but not the sample applications that ship in this repository.
                        .or(nameStartsWith("io.warmgate.").and(not(nameStartsWith("io.warmgate.samples.")))));
        BridgeVisibility seesBridge = new BridgeVisibility(log);
        for (HandlerInstrumentation framework : frameworks) {
            builder = builder
                    .type(framework.types(), new ClassLoaderSees(framework.markerClass()).and(seesBridge))
                    .transform(new AgentBuilder.Transformer.ForAdvice()
                            .include(framework.advice().getClassLoader())
                            .advice(framework.methods(), framework.advice().getName()));
        }
        builder.installOn(instrumentation);
    }

    /** Creates the builder with the nexus switched off just while its classes initialise, then restores the switch. */
    private static AgentBuilder newAgentBuilder() {
        String previous = System.getProperty(NEXUS_SWITCH);
        System.setProperty(NEXUS_SWITCH, "true");
        try {
            return new AgentBuilder.Default();
        } finally {
            if (previous == null) {
                System.clearProperty(NEXUS_SWITCH);
            } else {
                System.setProperty(NEXUS_SWITCH, previous);
            }
        }
    }

    /** Reports what Byte Buddy did: transformations at debug level, failures as one warning per class. */
    private static final class LoggingListener extends AgentBuilder.Listener.Adapter {

        private final AgentLog log;

        LoggingListener(AgentLog log) {
            this.log = log;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            if (log.isDebug()) {
                log.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (isNewerClassFile(error)) {
                // Typically a whole library built for a newer Java; one line says it all.
                log.warnOnce("instrument:newer-class-files", "could not instrument classes built for a newer Java "
                        + "than this warmgate understands (it reads class files up to Java "
                        + ClassFileVersion.latest().getJavaVersion() + "; the first was " + typeName
                        + "); they run unchanged");
                return;
            }
            log.warnOnce("instrument:" + typeName, "could not instrument " + typeName + " (" + error
                    + "); it runs unchanged");
        }

        /** Byte Buddy's (and ASM's) way of refusing a class file whose version is newer than it knows. */
        private static boolean isNewerClassFile(Throwable error) {
            String message = error instanceof IllegalArgumentException ? error.getMessage() : null;
            return message != null && (message.contains("is not supported by the current version of Byte Buddy")
                    || message.startsWith("Unsupported class file major version"));
        }
    }
}
