package io.warmgate.agent.vertx;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;

import java.util.Collections;
import java.util.List;

/**
 * A Vert.x web application's routes are lambdas and handler objects handed to a {@code Router} at run time: no class
 * says which path it serves. What every request shares is the router's {@code handle(HttpServerRequest)}, through
 * which the HTTP server hands it to the application's root router (Quarkus's included). Sub-routers are entered
 * through {@code handleContext(RoutingContext)} instead, so each request passes this method once.
 * {@link VertxRouterAdvice} gates there, by request path, like the servlet gate. Nothing is detected as classes
 * load, because a route's path is only known when a request reaches it: the gate names the router at the first
 * health check of each path.
 */
public final class VertxWeaver implements FrameworkWeaver {

    public VertxWeaver(WeaverContext context) {
        // Decided by request path at run time; nothing here depends on the configuration.
    }

    @Override
    public List<Weaving> gates() {
        return Collections.singletonList(new Weaving("vertx-web", named(VertxModule.ROUTER_IMPL),
                named("handle").and(takesArguments(1))
                        .and(takesArgument(0, named("io.vertx.core.http.HttpServerRequest")))
                        .and(not(isAbstract())),
                "io.warmgate.agent.vertx.VertxRouterAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Collections.emptyList();
    }
}
