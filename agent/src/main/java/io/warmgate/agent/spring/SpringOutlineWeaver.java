package io.warmgate.agent.spring;

import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.OutlineWeaver;
import io.warmgate.agent.spi.WeaverContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Detection only: nothing is woven into Spring's classes. Every Spring MVC request, Actuator's included, passes
 * through a {@code DispatcherServlet}, whose {@code service} method the servlet hook already gates by request
 * path. The request path of a mapping is the servlet context path (and servlet mapping, if any) followed by the
 * mapped path, so its last segment, which is what the gate looks at, is the mapped path's last segment: a mapping
 * the path rules call a health check here is gated there. Deciding once, in one place, means no request is
 * counted twice. Works the same for Spring 5 (javax) and 6 (jakarta): the annotations did not change packages.
 *
 * <p>Actuator serves {@code <base-path>/health} and its groups ({@code .../health/readiness},
 * {@code .../health/liveness}), on the application's port or, with {@code management.server.port}, on a second
 * embedded server with a DispatcherServlet of its own: the health endpoint and readiness are gated, liveness
 * never; a DOWN or OUT_OF_SERVICE answer passes through unchanged.
 */
public final class SpringOutlineWeaver implements OutlineWeaver {

    private final List<OutlineDetection> detections;

    public SpringOutlineWeaver(WeaverContext context) {
        this.detections = Arrays.asList(
                // health handler found: spring-mvc com.acme.HealthController#health path /health
                SpringControllers.detection("spring-mvc", context.paths()),
                SpringControllers.actuator("spring-actuator health endpoint", SpringModule.HEALTH_WEB_EXTENSIONS));
    }

    @Override
    public List<MethodGuard> guards() {
        return Collections.emptyList();
    }

    @Override
    public List<OutlineDetection> detections() {
        return detections;
    }
}
