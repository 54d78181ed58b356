package io.warmgate.agent.spring;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.type.TypeDescription;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Detection only: nothing is woven into Spring's classes. Every Spring MVC request, Actuator's included, passes
 * through a {@code DispatcherServlet}, whose {@code service} method the servlet advice already gates by request
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
public final class SpringWeaver implements FrameworkWeaver {

    /** What the actuator line adds, on servlet and WebFlux alike. */
    public static final String ACTUATOR_NOTE = "(and its readiness group, under any management base path and on a "
            + "separate management port; liveness never. Renamed with management.endpoints.web.path-mapping.health? "
            + "Add the new path to paths=)";

    private final HealthPathMatcher paths;

    public SpringWeaver(WeaverContext context) {
        this.paths = context.paths();
    }

    @Override
    public List<Weaving> gates() {
        return Collections.emptyList();
    }

    @Override
    public List<Detection> detections() {
        return Arrays.asList(controllers(), actuator());
    }

    /** {@code health handler found: spring-mvc com.acme.HealthController#health path /health}. */
    private Detection controllers() {
        return SpringControllers.detection("spring-mvc", paths);
    }

    /** Logged when the health endpoint's web extension loads, while the application context starts. */
    private static Detection actuator() {
        return new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                if (Arrays.asList(SpringModule.HEALTH_WEB_EXTENSIONS).contains(type.getName())) {
                    return Collections.singletonList(new FoundHandler("spring-actuator health endpoint",
                            "/actuator/health", ACTUATOR_NOTE));
                }
                return Collections.emptyList();
            }
        };
    }
}
