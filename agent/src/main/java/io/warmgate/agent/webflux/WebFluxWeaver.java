package io.warmgate.agent.webflux;

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
 * Gates at {@code HttpWebHandlerAdapter.handle(ServerHttpRequest, ServerHttpResponse)}, the one method through which
 * a reactive server (Reactor Netty, or Tomcat, Jetty and Undertow in reactive mode) hands every request to a
 * WebFlux application, on the application's port and on a separate management port alike (Spring Boot builds one
 * adapter per server). It decides by request path, like the servlet advice, so annotated controllers, functional
 * routes ({@code RouterFunction}) and Actuator's health groups are covered wherever they are mapped, under
 * {@code spring.webflux.base-path} and a management base path too, and each request is decided exactly once.
 *
 * <p>What is only reported in the log, WebFlux's controllers and its health endpoint, is read without Byte Buddy
 * ({@link WebFluxOutlineWeaver}).
 */
public final class WebFluxWeaver implements FrameworkWeaver {

    public WebFluxWeaver(WeaverContext context) {
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
        return Collections.emptyList();
    }
}
