package io.warmgate.agent.undertow;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;

import java.util.Collections;
import java.util.List;

/**
 * Undertow's core handlers are plain {@code HttpHandler}s, often lambdas, which cannot be woven and carry nothing
 * that says "health". What they share is {@code Connectors.executeRootHandler(HttpHandler, HttpServerExchange)},
 * which Undertow calls for every request (and again whenever a handler dispatches the request to another thread):
 * {@link UndertowRootAdvice} gates there, by request path, like the servlet gate. Nothing is detected at class load,
 * because a core handler's path is only known when a request reaches it.
 */
public final class UndertowWeaver implements FrameworkWeaver {

    public UndertowWeaver(WeaverContext context) {
        // Decided by request path at run time; nothing here depends on the configuration.
    }

    @Override
    public List<Weaving> gates() {
        return Collections.singletonList(new Weaving("undertow", named(UndertowModule.CONNECTORS),
                named("executeRootHandler").and(isStatic()).and(takesArguments(2))
                        .and(takesArgument(0, named("io.undertow.server.HttpHandler")))
                        .and(takesArgument(1, named("io.undertow.server.HttpServerExchange"))),
                "io.warmgate.agent.undertow.UndertowRootAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Collections.emptyList();
    }
}
