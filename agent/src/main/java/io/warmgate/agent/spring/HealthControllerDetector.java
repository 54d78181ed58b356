package io.warmgate.agent.spring;

import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Finds Spring MVC controller methods that serve health checks as their classes load, and logs each one:
 * {@code health handler found: spring-mvc com.acme.HealthController#health path /health}.
 *
 * <p>It is a type matcher that never matches: nothing needs to be woven into controllers, because every Spring
 * MVC request passes through the {@code DispatcherServlet}, whose {@code service} method the servlet advice
 * already gates by request path. The request path of a mapping is the servlet context path (and servlet
 * mapping, if any) followed by the mapped path, so its last segment, which is what the gate looks at, is the
 * mapped path's last segment; a mapping the path rules call a health check here is gated there. Deciding
 * once, in one place, also means no request can be counted twice.
 */
final class HealthControllerDetector extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    private final HealthPathMatcher paths;
    private final FoundHandlerLog log;

    HealthControllerDetector(HealthPathMatcher paths, FoundHandlerLog log) {
        this.paths = paths;
        this.log = log;
    }

    @Override
    public boolean matches(TypeDescription type) {
        try {
            if (RequestMappings.isController(type)) {
                for (RequestMappings.Mapping mapping : RequestMappings.of(type)) {
                    if (paths.isGated(mapping.path)) {
                        log.found("spring-mvc " + type.getName() + "#" + mapping.methodName, mapping.path, null);
                    }
                }
            }
        } catch (Throwable failure) {
            // Detection is only the log line; the request path still decides gating.
            log.failed(type.getName(), failure);
        }
        return false;
    }

    @Override
    public String toString() {
        return "spring-mvc health controller methods (" + paths + ")";
    }
}
