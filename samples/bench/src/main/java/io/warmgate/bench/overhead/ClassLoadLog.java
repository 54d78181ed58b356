package io.warmgate.bench.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the JVM's own class-load log ({@code -Xlog:class+load}, one line per class:
 * {@code [decorations] <class name> source: <where from>}) up to the application's main class, and counts what
 * loaded before it: every class, and the classes that clearly come from the agent, which are those whose source
 * names the agent jar and the agent's bridge classes defined straight into the boot loader (source
 * {@code __JVM_DefineClass__}, name under {@code io.warmgate.}).
 */
public final class ClassLoadLog {

    /** The source the JVM reports for a class defined through {@code ClassLoader.defineClass1} with no source. */
    static final String DIRECT_DEFINITION = "__JVM_DefineClass__";
    private static final String SOURCE = " source: ";

    /**
     * What loaded before the main class.
     *
     * @param mainClassSeen false when the log never names the main class: the counts are then of the whole log
     */
    public record BeforeMain(int agentClasses, int allClasses, boolean mainClassSeen) {
    }

    private ClassLoadLog() {
    }

    /**
     * @param agentJarName the agent jar's file name (e.g. {@code warmgate-agent.jar}); null for a run without agent
     */
    public static BeforeMain read(Path log, String mainClass, String agentJarName) throws IOException {
        return count(Files.readAllLines(log, StandardCharsets.UTF_8), mainClass, agentJarName);
    }

    static BeforeMain count(List<String> lines, String mainClass, String agentJarName) {
        int agent = 0;
        int all = 0;
        for (String line : lines) {
            int sourceAt = line.indexOf(SOURCE);
            if (sourceAt < 0) {
                continue; // not a class-load line (a wrapped message, a warning)
            }
            String className = className(line, sourceAt);
            if (className.equals(mainClass)) {
                return new BeforeMain(agent, all, true);
            }
            all++;
            if (fromAgent(className, line.substring(sourceAt + SOURCE.length()).trim(), agentJarName)) {
                agent++;
            }
        }
        return new BeforeMain(agent, all, false);
    }

    /** The class name: the last token before " source: ", after the decorations in brackets. */
    private static String className(String line, int sourceAt) {
        String head = line.substring(0, sourceAt).trim();
        int space = head.lastIndexOf(' ');
        int bracket = head.lastIndexOf(']');
        return head.substring(Math.max(space, bracket) + 1);
    }

    private static boolean fromAgent(String className, String source, String agentJarName) {
        if (agentJarName == null) {
            return false;
        }
        if (source.endsWith("/" + agentJarName) || source.equals(agentJarName)) {
            return true;
        }
        return source.equals(DIRECT_DEFINITION) && className.startsWith("io.warmgate.");
    }
}
