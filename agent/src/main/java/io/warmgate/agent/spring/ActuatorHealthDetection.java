package io.warmgate.agent.spring;

import io.warmgate.agent.HandlerInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.none;

/**
 * Spring Boot Actuator's health endpoint: logged when its web extension class loads, which happens while the
 * application context starts.
 *
 * <p>Actuator serves {@code <base-path>/health} and its groups ({@code .../health/readiness},
 * {@code .../health/liveness}) through a {@code DispatcherServlet}, on the application's port or, with
 * {@code management.server.port}, on a second embedded server with a DispatcherServlet of its own. The servlet
 * advice gates both by request path: the health endpoint and readiness (last segment {@code health},
 * {@code readiness}) are gated, liveness never; a DOWN or OUT_OF_SERVICE answer from Actuator passes through
 * unchanged. A health endpoint renamed with {@code management.endpoints.web.path-mapping.health} to a word that
 * is not a health word needs {@code paths=} (the log line says so).
 */
public final class ActuatorHealthDetection implements HandlerInstrumentation {

    /** Spring Boot 2.x and 3.x, then Spring Boot 4 (health moved to its own module). */
    static final List<String> WEB_EXTENSION_CLASSES = Arrays.asList(
            "org.springframework.boot.actuate.health.HealthEndpointWebExtension",
            "org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension");

    static final String ENDPOINT_ANNOTATION = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

    static final String NOTE = "(and its readiness group, under any management base path and on a separate "
            + "management port; liveness never. Renamed with management.endpoints.web.path-mapping.health? "
            + "Add the new path to paths=)";

    private final FoundHandlerLog log;

    ActuatorHealthDetection(FoundHandlerLog log) {
        this.log = log;
    }

    @Override
    public String framework() {
        return "spring-actuator";
    }

    @Override
    public String markerClass() {
        return ENDPOINT_ANNOTATION;
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                if (WEB_EXTENSION_CLASSES.contains(type.getName())) {
                    log.found("spring-actuator health endpoint", "/actuator/health", NOTE);
                }
                return false; // detection only: the servlet advice gates these requests
            }

            @Override
            public String toString() {
                return "spring-actuator health endpoint web extension";
            }
        };
    }

    @Override
    public List<String> classFileHints() {
        // Matched by name: a class's own internal name is one of its constants.
        List<String> names = new ArrayList<String>();
        for (String className : WEB_EXTENSION_CLASSES) {
            names.add(className.replace('.', '/'));
        }
        return names;
    }

    @Override
    public ElementMatcher<MethodDescription> methods() {
        return none();
    }

    @Override
    public Class<?> advice() {
        return DetectionOnly.class;
    }
}
