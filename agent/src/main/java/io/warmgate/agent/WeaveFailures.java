package io.warmgate.agent;

import io.warmgate.core.AgentLog;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * How a class the agent could not weave is reported, by either engine ({@link EntryHookWeaver},
 * {@link ByteBuddyWeaver}): once per class, and once in all for class files newer than the agent reads (typically
 * a whole library built for a newer Java; one line says it all). The class runs unchanged in both cases.
 */
final class WeaveFailures {

    private static final int JAVA_8_MAJOR = 52;
    private static final int MAJOR_TO_JAVA = 44;

    private WeaveFailures() {
    }

    static void report(AgentLog log, String typeName, Throwable failure) {
        if (isNewerClassFile(failure)) {
            log.warnOnce("instrument:newer-class-files", "could not instrument classes built for a newer Java than "
                    + "this warmgate understands (it reads class files up to Java " + newestReadableJava()
                    + "; the first was " + typeName + "); they run unchanged");
            return;
        }
        log.warnOnce("instrument:" + typeName, "could not instrument " + typeName + " (" + failure + "); it runs "
                + "unchanged");
    }

    /** Byte Buddy's (and ASM's) way of refusing a class file whose version is newer than it knows. */
    private static boolean isNewerClassFile(Throwable error) {
        String message = error instanceof IllegalArgumentException ? error.getMessage() : null;
        return message != null && (message.contains("is not supported by the current version of Byte Buddy")
                || message.startsWith("Unsupported class file major version")
                || message.startsWith("Unsupported class file version"));
    }

    /**
     * The newest Java whose class files the agent's ASM reads, found by offering it empty class-file headers of
     * rising versions: ASM keeps no public constant for it. Called only when a class file was refused.
     */
    static int newestReadableJava() {
        int major = JAVA_8_MAJOR;
        while (major < 255 && readable(major + 1)) {
            major++;
        }
        return major - MAJOR_TO_JAVA;
    }

    private static boolean readable(int major) {
        byte[] header = new byte[32];
        header[0] = (byte) 0xCA;
        header[1] = (byte) 0xFE;
        header[2] = (byte) 0xBA;
        header[3] = (byte) 0xBE;
        header[6] = (byte) (major >>> 8);
        header[7] = (byte) major;
        header[9] = 1; // an empty constant pool
        try {
            new ClassReader(header);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
