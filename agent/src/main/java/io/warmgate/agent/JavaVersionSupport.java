package io.warmgate.agent;


/**
 * Whether the running JVM is one the agent's (shaded) Byte Buddy understands.
 *
 * <p>On a JVM newer than that, Byte Buddy cannot read the JDK's own class files, which it must do to weave
 * advice into any class; every instrumentation would fail one by one, each with its own warning, and nothing
 * would be gated. Checking once at start-up gives one clear line instead, and leaves the application
 * untouched. Applications compiled for an older Java do not help: the JDK's classes are always the JVM's version.
 */
public final class JavaVersionSupport {

    /**
     * The newest Java whose class files the shaded Byte Buddy reads. A constant rather than Byte Buddy's own
     * answer, because this check runs at start-up, where the agent loads no Byte Buddy class; a unit test keeps
     * it equal to the bundled Byte Buddy's.
     */
    public static final int NEWEST_UNDERSTOOD_JAVA = 28;

    private JavaVersionSupport() {
    }

    /** Why the agent cannot run on this JVM, or null when it can. */
    static String problemWithThisJvm() {
        return problem(featureVersion(System.getProperty("java.specification.version")), NEWEST_UNDERSTOOD_JAVA);
    }

    /**
     * @param runningJava      the running JVM's feature version (8, 17, 25...), or -1 when unknown
     * @param newestUnderstood the newest Java whose class files the shaded Byte Buddy reads
     * @return a sentence for the log, or null when the JVM is supported (or its version is unknown: an agent
     *         that turned itself off on a JVM it merely failed to identify would help nobody)
     */
    public static String problem(int runningJava, int newestUnderstood) {
        if (runningJava <= newestUnderstood) {
            return null;
        }
        return "Java " + runningJava + " is newer than this warmgate build supports (it understands class files up "
                + "to Java " + newestUnderstood + "); use a newer warmgate";
    }

    /**
     * The feature version from {@code java.specification.version}: "1.8" is 8, "17" is 17. -1 when absent or
     * not in either form.
     */
    public static int featureVersion(String specificationVersion) {
        if (specificationVersion == null) {
            return -1;
        }
        String version = specificationVersion.trim();
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
