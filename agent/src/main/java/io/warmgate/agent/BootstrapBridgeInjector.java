package io.warmgate.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Puts the bridge classes in the boot loader. Advice is inlined into classes of arbitrary class loaders (web
 * applications, Spring Boot's nested jars, OSGi bundles), and the one class every loader can reach is a class
 * of the boot loader.
 *
 * <p>The classes are defined in the boot loader directly, without touching the boot class path: appending a jar
 * to it makes the JVM stop using class-data sharing for every class outside the boot loader ("Sharing is only
 * supported for boot loader classes because bootstrap classpath has been appended"), which takes away what
 * users of AppCDS and AOT caches turned them on for. Java 9 and later define them through the JDK's own
 * boot-loader definition ({@code ClassLoader.defineClass1} with no loader), after opening {@code java.lang} to the
 * agent alone; Java 8 through {@code sun.misc.Unsafe.defineClass}. Only if both fail does the agent append a small
 * jar, as before, and the JVM's warning says so. The class files are read from the agent's jar directly
 * ({@link AgentJarFile}).
 *
 * <p>Only the small bridge classes go there: nothing of Byte Buddy, Guava or the agent's own logic. JDK types
 * only, like everything that runs before the application's {@code main}.
 */
final class BootstrapBridgeInjector {

    /**
     * The bridge's protocol version, which {@code io.warmgate.bridge.GateBridge.VERSION} repeats (a test keeps the
     * two equal). A bridge already in the boot loader with another version belongs to another warmgate build,
     * whose advice expects other methods: this agent then stays off rather than pair with it.
     */
    static final int BRIDGE_VERSION = 3;

    /**
     * Class names, not class literals: referencing the classes here would load them from the agent jar. In
     * definition order: a class comes after the classes its declaration names (none here extends another).
     */
    static final String[] BRIDGE_CLASSES = {
        "io.warmgate.bridge.Denial",
        "io.warmgate.bridge.HealthRequest",
        "io.warmgate.bridge.HealthGatekeeper",
        "io.warmgate.bridge.CapturedRequest",
        "io.warmgate.bridge.CapturedCalls",
        "io.warmgate.bridge.ExchangeDecisions",
        "io.warmgate.bridge.GateBridge",
    };

    /** How the bridge got into the boot loader. */
    enum Outcome {
        /** Defined directly: class-data sharing stays on. */
        DEFINED,
        /** A jar appended to the boot class path: the JVM turns off sharing outside the boot loader. */
        APPENDED,
        /** Already there, with this agent's version: attached twice. */
        ALREADY_PRESENT
    }

    private BootstrapBridgeInjector() {
    }

    /**
     * @throws IllegalStateException when a bridge of another version is already in the boot loader
     */
    static Outcome inject(Instrumentation instrumentation, AgentJarFile agentJar) throws IOException {
        Class<?> present = bootClass(BRIDGE_CLASSES[BRIDGE_CLASSES.length - 1]);
        if (present != null) {
            requireSameVersion(present);
            return Outcome.ALREADY_PRESENT;
        }
        Map<String, byte[]> classFiles = new HashMap<String, byte[]>();
        for (String className : BRIDGE_CLASSES) {
            String entry = className.replace('.', '/') + ".class";
            byte[] classFile = agentJar.read(entry);
            if (classFile == null) {
                throw new IOException("agent jar lacks " + entry);
            }
            classFiles.put(className, classFile);
        }
        if (defineInBootLoader(instrumentation, classFiles)) {
            return Outcome.DEFINED;
        }
        appendToBootClassPath(instrumentation, classFiles);
        return Outcome.APPENDED;
    }

    private static boolean defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> classFiles) {
        BootDefiner definer = BootDefiner.find(instrumentation);
        if (definer == null) {
            return false;
        }
        try {
            for (String className : BRIDGE_CLASSES) {
                byte[] classFile = classFiles.get(className);
                definer.define(className, classFile);
            }
            return true;
        } catch (Throwable failure) {
            // Some may be defined already; appending the jar then serves the rest, and the defined ones win.
            return bootClass(BRIDGE_CLASSES[BRIDGE_CLASSES.length - 1]) != null && allDefined();
        }
    }

    private static boolean allDefined() {
        for (String className : BRIDGE_CLASSES) {
            if (bootClass(className) == null) {
                return false;
            }
        }
        return true;
    }

    /** The way this JVM lets code define a class in the boot loader. */
    private abstract static class BootDefiner {

        abstract void define(String className, byte[] classFile) throws Exception;

        /**
         * The Java 9+ way first: on those JVMs {@code sun.misc.Unsafe} either lacks {@code defineClass} (11 and
         * later) or works as well, and probing it would load the class and build an exception for nothing.
         */
        static BootDefiner find(Instrumentation instrumentation) {
            BootDefiner javaLang = bootLoaderDefinition(instrumentation);
            return javaLang != null ? javaLang : sunMiscUnsafe();
        }

        /** Java 8 to 10: {@code sun.misc.Unsafe.defineClass(name, bytes, 0, length, null, null)}. */
        private static BootDefiner sunMiscUnsafe() {
            try {
                Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
                final Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class,
                        int.class, ClassLoader.class, java.security.ProtectionDomain.class);
                Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                final Object unsafe = theUnsafe.get(null);
                return new BootDefiner() {
                    @Override
                    void define(String className, byte[] classFile) throws Exception {
                        define.invoke(unsafe, className, classFile, 0, classFile.length, null, null);
                    }
                };
            } catch (Throwable notThere) {
                return null; // removed in Java 11
            }
        }

        /**
         * Java 9 and later: the JDK's own {@code static native ClassLoader.defineClass1(loader, name, bytes, off,
         * len, protectionDomain, source)} with a null loader, reachable once {@code java.lang} is opened to the
         * agent's module (and to nothing else) through {@code Instrumentation.redefineModule}.
         */
        private static BootDefiner bootLoaderDefinition(Instrumentation instrumentation) {
            try {
                Method getModule = Class.class.getMethod("getModule");
                Object javaBase = getModule.invoke(Object.class);
                Object agentModule = getModule.invoke(BootstrapBridgeInjector.class);
                Class<?> moduleType = Class.forName("java.lang.Module");
                Method redefineModule = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class,
                        Map.class, Map.class, Set.class, Map.class);
                Map<String, Set<Object>> opens = new HashMap<String, Set<Object>>();
                opens.put("java.lang", new HashSet<Object>(Collections.singleton(agentModule)));
                redefineModule.invoke(instrumentation, javaBase, Collections.emptySet(), Collections.emptyMap(),
                        opens, Collections.emptySet(), Collections.emptyMap());
                final Method defineClass1 = ClassLoader.class.getDeclaredMethod("defineClass1", ClassLoader.class,
                        String.class, byte[].class, int.class, int.class, java.security.ProtectionDomain.class,
                        String.class);
                defineClass1.setAccessible(true);
                return new BootDefiner() {
                    @Override
                    void define(String className, byte[] classFile) throws Exception {
                        defineClass1.invoke(null, null, className, classFile, 0, classFile.length, null, null);
                    }
                };
            } catch (Throwable notAvailable) {
                return null;
            }
        }
    }

    private static void appendToBootClassPath(Instrumentation instrumentation, Map<String, byte[]> classFiles)
            throws IOException {
        File jar = File.createTempFile("warmgate-bridge-", ".jar");
        jar.deleteOnExit();
        JarOutputStream out = new JarOutputStream(new FileOutputStream(jar));
        try {
            for (String className : BRIDGE_CLASSES) {
                out.putNextEntry(new ZipEntry(className.replace('.', '/') + ".class"));
                out.write(classFiles.get(className));
                out.closeEntry();
            }
        } finally {
            out.close();
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

    private static Class<?> bootClass(String className) {
        try {
            return Class.forName(className, false, null);
        } catch (ClassNotFoundException notThere) {
            return null;
        }
    }

    /**
     * Refuses a bridge of another version: its advice and this agent's expect different methods of each other.
     *
     * @throws IllegalStateException with the sentence to log
     */
    static void requireSameVersion(Class<?> presentBridge) {
        int version = versionOf(presentBridge);
        if (version != BRIDGE_VERSION) {
            throw new IllegalStateException("another warmgate build is already active in this JVM (its bridge has "
                    + "version " + version + ", this agent's has " + BRIDGE_VERSION + "); use one -javaagent only");
        }
    }

    /** The VERSION of a bridge found in the boot loader; 1 for the first bridges, which had none. */
    private static int versionOf(Class<?> bridge) {
        try {
            return bridge.getField("VERSION").getInt(null);
        } catch (Throwable none) {
            return 1;
        }
    }
}
