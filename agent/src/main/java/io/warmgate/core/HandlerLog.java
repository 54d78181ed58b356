package io.warmgate.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that prints "health handler found: ..." lines, once per handler and path, whoever found it: a
 * framework module as a class loads, or the gate at the first health check a servlet serves. The same handler
 * may be reported many times (several class loaders, retransformation, every health check), so the repeat
 * path must be cheap: a set lookup on a key built once per call site, and no line.
 */
public final class HandlerLog {

    /** Bounds the set: a generated application with thousands of health handlers gets its first ones logged. */
    public static final int MAX_LOGGED = 256;

    private final AgentLog log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public HandlerLog(AgentLog log) {
        this.log = log;
    }

    /**
     * @param handler framework and handler, e.g. "spring-mvc com.acme.HealthController#health"
     * @param path    the path it serves, as the log shows it
     * @param note    appended to the line (what else is covered, how to configure), or null
     * @return true when this call printed the line
     */
    public boolean found(String handler, String path, String note) {
        String key = handler + " path " + path;
        if (logged.contains(key) || logged.size() >= MAX_LOGGED || !logged.add(key)) {
            return false;
        }
        log.info("health handler found: " + key + (note == null ? "" : " " + note));
        return true;
    }

    /** True when this exact handler and path were logged: lets a caller skip building anything on repeats. */
    public boolean alreadyLogged(String handler, String path) {
        return logged.contains(handler + " path " + path);
    }

    /** A class that could not be inspected: its health handlers are still gated by request path. */
    public void inspectionFailed(String what, Throwable failure) {
        log.debug("could not inspect " + what + " (" + failure + "); its health handlers are still gated by path");
    }
}
