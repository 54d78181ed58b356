package io.warmgate.agent.micronaut;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Gates at {@code RequestLifecycle.normalFlow(HttpRequest)}, where Micronaut's Netty server starts the route
 * processing of each request: before the server filters, the router, controllers and management endpoints. It
 * decides by request path, like the servlet advice, so controller methods, the management health endpoint and its
 * {@code /health/readiness} selector are covered wherever they are mapped (under a changed {@code endpoints.all.path}
 * too), and each request is decided exactly once.
 *
 * <p>Detection only, for the log: GET and HEAD controller methods on health paths (see {@link MicronautRoutes}) and
 * the management health endpoint, as their classes load.
 */
public final class MicronautWeaver implements FrameworkWeaver {

    static final String ENDPOINT_NOTE = "(its readiness selector /health/readiness is gated too; /health/liveness "
            + "never; under endpoints.all.path when that is set)";

    private final HealthPathMatcher paths;

    public MicronautWeaver(WeaverContext context) {
        this.paths = context.paths();
    }

    @Override
    public List<Weaving> gates() {
        return Collections.singletonList(new Weaving("micronaut", named(MicronautModule.REQUEST_LIFECYCLE),
                named("normalFlow").and(takesArguments(1))
                        .and(takesArgument(0, named("io.micronaut.http.HttpRequest")))
                        .and(returns(named("io.micronaut.core.execution.ExecutionFlow")))
                        .and(not(isAbstract())),
                "io.warmgate.agent.micronaut.MicronautLifecycleAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Arrays.asList(controllers(), healthEndpoint());
    }

    /** {@code health handler found: micronaut com.acme.ReadyController#ready path /ready}. */
    private Detection controllers() {
        return new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                AnnotationDescription controller = MicronautRoutes.controller(type);
                if (controller == null) {
                    return Collections.emptyList();
                }
                List<FoundHandler> found = new ArrayList<FoundHandler>();
                for (RoutePaths.Route route : MicronautRoutes.of(type, controller)) {
                    if (paths.isGated(route.path)) {
                        found.add(new FoundHandler("micronaut " + type.getName() + "#" + route.methodName,
                                route.path, null));
                    }
                }
                return found;
            }
        };
    }

    /** Logged when the management module's health endpoint class loads, as the application context starts. */
    private static Detection healthEndpoint() {
        return new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                if (MicronautModule.HEALTH_ENDPOINT.equals(type.getName())) {
                    return Collections.singletonList(new FoundHandler("micronaut-management health endpoint",
                            "/health", ENDPOINT_NOTE));
                }
                return Collections.emptyList();
            }
        };
    }
}
