package io.warmgate.core;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only logger: one line per event, prefixed {@code [warmgate] }. Deliberately not a logging
 * framework: initialising the application's logging from the agent would change how the application itself
 * logs. Messages are single lines; line breaks in them (from a configuration value, say) are replaced so a
 * message can never forge extra log lines.
 */
public final class AgentLog {

    public enum Level { OFF, INFO, DEBUG }

    private static final String PREFIX = "[warmgate] ";

    /** Keys of {@link #warnOnce} messages already printed, for the life of the JVM (across AgentLog instances). */
    private static final Set<String> WARNED_ONCE =
            Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    /**
     * Bounds {@link #WARNED_ONCE}: some keys name a class (one warning per class that could not be
     * instrumented), and an application with endless odd classes must not grow the set without end.
     */
    static final int MAX_WARNED_ONCE = 1000;
    private static final String TOO_MANY = "too-many-warnings";

    private final Level level;
    private final PrintStream out;

    public AgentLog(Level level, PrintStream out) {
        this.level = level == null ? Level.INFO : level;
        this.out = out;
    }

    /**
     * A log to the JVM's standard error stream as it is now. Held rather than looked up each time, so an
     * application that later redirects System.err into its logging framework cannot loop the agent's lines
     * back through itself.
     */
    public static AgentLog stderr(Level level) {
        return new AgentLog(level, System.err);
    }

    public Level level() {
        return level;
    }

    public boolean isDebug() {
        return level == Level.DEBUG;
    }

    public boolean isInfo() {
        return level != Level.OFF;
    }

    public void info(String msg) {
        if (level != Level.OFF) {
            print("", msg);
        }
    }

    public void debug(String msg) {
        if (level == Level.DEBUG) {
            print("DEBUG ", msg);
        }
    }

    /** Printed unless the level is OFF. */
    public void warn(String msg) {
        if (level != Level.OFF) {
            print("WARN ", msg);
        }
    }

    /** Always printed, even when the level is OFF: errors say why the agent is not doing its job. */
    public void error(String msg) {
        print("ERROR ", msg);
    }

    /** A warning printed at most once per key for the JVM's life, for conditions that can recur per request. */
    public void warnOnce(String key, String msg) {
        if (level == Level.OFF || WARNED_ONCE.contains(key)) {
            return;
        }
        if (WARNED_ONCE.size() >= MAX_WARNED_ONCE) {
            if (WARNED_ONCE.add(TOO_MANY)) {
                print("WARN ", "more than " + MAX_WARNED_ONCE + " different warnings; further ones are not shown");
            }
            return;
        }
        if (WARNED_ONCE.add(key)) {
            print("WARN ", msg);
        }
    }

    /** Forgets every one-time warning; for tests, which share the JVM-wide set. */
    static void forgetWarningsShownOnce() {
        WARNED_ONCE.clear();
    }

    private void print(String severity, String msg) {
        if (out == null) {
            return;
        }
        // println on a PrintStream is synchronized, so lines from concurrent threads never interleave.
        out.println(PREFIX + severity + singleLine(msg));
    }

    static String singleLine(String msg) {
        if (msg == null) {
            return "null";
        }
        if (msg.indexOf('\n') < 0 && msg.indexOf('\r') < 0) {
            return msg;
        }
        return msg.replace('\r', ' ').replace('\n', ' ');
    }
}
