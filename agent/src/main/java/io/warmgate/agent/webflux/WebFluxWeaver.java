package io.warmgate.agent.webflux;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.spring.SpringControllers;
import io.warmgate.agent.spring.SpringWeaver;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.type.TypeDescription;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Gates at {@code HttpWebHandlerAdapter.handle(ServerHttpRequest, ServerHttpResponse)}, the one method through which
 * a reactive server (Reactor Netty, or Tomcat, Jetty and Undertow in reactive mode) hands every request to a
 * WebFlux application, on the application's port and on a separate management port alike (Spring Boot builds one
 * adapter per server). It decides by request path, like the servlet advice, so annotated controllers, functional
 * routes ({@code RouterFunction}) and Actuator's health groups are covered wherever they are mapped, under
 * {@code spring.webflux.base-path} and a management base path too, and each request is decided exactly once.
 *
 * <p>Detection only, for the log: annotated controllers (through the reader Spring MVC uses, see
 * {@link SpringControllers}) and Actuator's reactive health endpoint. Functional routes are not reported as their
 * classes load: their paths are values handed to a builder at run time, not annotations a class file carries, so
 * nothing ties a path to a handler before the application runs. The gate reports each at its first health check.
 */
public final class WebFluxWeaver implements FrameworkWeaver {

    private final HealthPathMatcher paths;

    public WebFluxWeaver(WeaverContext context) {
        this.paths = context.paths();
    }

    @Override
    public List<Weaving> gates() {
        return Collections.singletonList(new Weaving("spring-webflux", named(WebFluxModule.HTTP_WEB_HANDLER_ADAPTER),
                named("handle").and(takesArguments(2))
                        .and(takesArgument(0, named("org.springframework.http.server.reactive.ServerHttpRequest")))
                        .and(takesArgument(1, named("org.springframework.http.server.reactive.ServerHttpResponse")))
                        .and(not(isAbstract())),
                "io.warmgate.agent.webflux.WebFluxAdapterAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Arrays.asList(SpringControllers.detection("spring-webflux", paths), actuator());
    }

    /** Logged when the reactive health endpoint's web extension loads, while the application context starts. */
    private static Detection actuator() {
        return new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                if (Arrays.asList(WebFluxModule.REACTIVE_HEALTH_WEB_EXTENSIONS).contains(type.getName())) {
                    return Collections.singletonList(new FoundHandler("spring-actuator (webflux) health endpoint",
                            "/actuator/health", SpringWeaver.ACTUATOR_NOTE));
                }
                return Collections.emptyList();
            }
        };
    }
}
