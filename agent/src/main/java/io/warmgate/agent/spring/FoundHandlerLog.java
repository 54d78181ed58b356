package io.warmgate.agent.spring;

import io.warmgate.core.AgentLog;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints "health handler found: ..." once per handler and path. A class can be matched more than once (several
 * class loaders, retransformation), and the line must still appear once; the cap keeps a pathological application
 * from growing the set without bound.
 */
final class FoundHandlerLog {

    private static final int MAX_LOGGED = 256;

    private final AgentLog log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    FoundHandlerLog(AgentLog log) {
        this.log = log;
    }

    /** @param handler framework and handler, e.g. "spring-mvc com.acme.HealthController#health" */
    void found(String handler, String path, String note) {
        String key = handler + " path " + path;
        if (logged.size() < MAX_LOGGED && logged.add(key)) {
            log.info("health handler found: " + key + (note == null ? "" : " " + note));
        }
    }

    void failed(String what, Throwable failure) {
        log.debug("could not inspect " + what + " (" + failure + "); its health handlers are still gated by path");
    }
}
