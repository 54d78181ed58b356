package io.warmgate.agent.jaxrs;

import io.warmgate.core.AgentLog;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports each health resource method once, when its class loads: "health handler found: jax-rs (jakarta)
 * com.acme.HealthResource#check path /healthcheck". Matchers run on whatever thread loads a class, and Byte
 * Buddy asks the same question more than once per class (type match, then method match; retransformation),
 * hence the set. The gatekeeper logs the handler once more at its first check, then naming the container that
 * served it.
 */
final class DetectionLog {

    /** Bounds the set: a generated application with thousands of health resources gets its first ones logged. */
    private static final int MAX_LOGGED = 256;

    private final AgentLog log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    DetectionLog(AgentLog log) {
        this.log = log;
    }

    /** @param handler framework and method, e.g. "jax-rs (jakarta) com.acme.HealthResource#check" */
    void found(String handler, String path) {
        String line = "health handler found: " + handler + " path " + path;
        if (logged.size() < MAX_LOGGED && logged.add(line)) {
            log.info(line);
        }
    }
}
