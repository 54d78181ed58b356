package io.warmgate.agent.spring;

import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.agent.spi.TypeOutlines;
import io.warmgate.core.HealthPathMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds the health handlers of Spring's annotated controllers ({@code @Controller}, {@code @RestController},
 * {@code @GetMapping}, ...) and Actuator's health endpoint. Spring MVC and Spring WebFlux share these annotations
 * and the way paths combine, so both report through these detections; only the framework named in the log line
 * differs.
 */
public final class SpringControllers {

    /** What the actuator line adds, on servlet and WebFlux alike. */
    public static final String ACTUATOR_NOTE = "(and its readiness group, under any management base path and on a "
            + "separate management port; liveness never. Renamed with management.endpoints.web.path-mapping.health? "
            + "Add the new path to paths=)";

    private SpringControllers() {
    }

    /**
     * Reports, for a controller class, each GET-able mapping the path rules gate:
     * {@code health handler found: <framework> com.acme.HealthController#health path /health}.
     *
     * @param framework names the stack in the log line, e.g. {@code spring-mvc}
     */
    public static OutlineDetection detection(final String framework, final HealthPathMatcher paths) {
        return new OutlineDetection() {
            @Override
            public List<FoundHandler> find(ClassOutline type, TypeOutlines types) {
                List<FoundHandler> found = new ArrayList<FoundHandler>();
                if (RequestMappings.isController(type)) {
                    for (RoutePaths.Route mapping : RequestMappings.of(type, types)) {
                        if (paths.isGated(mapping.path)) {
                            found.add(new FoundHandler(framework + " " + type.name() + "#" + mapping.methodName,
                                    mapping.path, null));
                        }
                    }
                }
                return found;
            }
        };
    }

    /**
     * Reports Actuator's health endpoint when one of its web extensions loads, while the application context
     * starts.
     *
     * @param handler        the log line's handler, e.g. {@code spring-actuator health endpoint}
     * @param extensionNames binary names of the endpoint's web extension in the Spring Boot versions known
     */
    public static OutlineDetection actuator(final String handler, String... extensionNames) {
        final List<String> names = Arrays.asList(extensionNames);
        return new OutlineDetection() {
            @Override
            public List<FoundHandler> find(ClassOutline type, TypeOutlines types) {
                if (names.contains(type.name())) {
                    return Collections.singletonList(new FoundHandler(handler, "/actuator/health", ACTUATOR_NOTE));
                }
                return Collections.emptyList();
            }
        };
    }
}
