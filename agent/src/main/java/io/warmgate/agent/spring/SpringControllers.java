package io.warmgate.agent.spring;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the health handlers of Spring's annotated controllers ({@code @Controller}, {@code @RestController},
 * {@code @GetMapping}, ...). Spring MVC and Spring WebFlux share these annotations and the way paths combine, so
 * both report controllers through this one reader; only the framework named in the log line differs.
 */
public final class SpringControllers {

    private SpringControllers() {
    }

    /**
     * Reports, for a controller class, each GET-able mapping the path rules gate:
     * {@code health handler found: <framework> com.acme.HealthController#health path /health}.
     *
     * @param framework names the stack in the log line, e.g. {@code spring-mvc}
     */
    public static Detection detection(final String framework, final HealthPathMatcher paths) {
        return new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                List<FoundHandler> found = new ArrayList<FoundHandler>();
                if (RequestMappings.isController(type)) {
                    for (RoutePaths.Route mapping : RequestMappings.of(type)) {
                        if (paths.isGated(mapping.path)) {
                            found.add(new FoundHandler(framework + " " + type.getName() + "#" + mapping.methodName,
                                    mapping.path, null));
                        }
                    }
                }
                return found;
            }
        };
    }
}
