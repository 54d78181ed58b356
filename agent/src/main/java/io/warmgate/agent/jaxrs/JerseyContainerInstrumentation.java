package io.warmgate.agent.jaxrs;

import io.warmgate.agent.HandlerInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The request entry of Jersey's non-servlet containers, where the peer's address is still at hand: Grizzly's
 * {@code GrizzlyHttpContainer.service(Request, Response)} and the JDK server's
 * {@code JdkHttpHandlerContainer.handle(HttpExchange)}. The advice captures a gated request's path, peer address
 * and peer header for the JAX-RS resource advice on the same thread ({@code CapturedRequest}); it decides
 * nothing itself. Both class names are the same in Jersey 2 (javax) and Jersey 3+ (jakarta), and the advice
 * uses no JAX-RS type, so one instrumentation per container serves both namespaces.
 *
 * <p>Matching is by exact class name, the cheapest check there is.
 */
final class JerseyContainerInstrumentation implements HandlerInstrumentation {

    private static final String GRIZZLY_CONTAINER = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";
    private static final String JDK_HTTP_CONTAINER = "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer";

    private final String container;
    private final String containerClass;
    private final ElementMatcher.Junction<MethodDescription> entryMethod;
    private final Class<?> advice;

    private JerseyContainerInstrumentation(String container, String containerClass,
                                           ElementMatcher.Junction<MethodDescription> entryMethod, Class<?> advice) {
        this.container = container;
        this.containerClass = containerClass;
        this.entryMethod = entryMethod.and(not(isAbstract()));
        this.advice = advice;
    }

    static JerseyContainerInstrumentation grizzly() {
        return new JerseyContainerInstrumentation("grizzly", GRIZZLY_CONTAINER,
                named("service").and(takesArguments(2))
                        .and(takesArgument(0, named("org.glassfish.grizzly.http.server.Request")))
                        .and(takesArgument(1, named("org.glassfish.grizzly.http.server.Response"))),
                GrizzlyRequestAdvice.class);
    }

    static JerseyContainerInstrumentation jdkHttp() {
        return new JerseyContainerInstrumentation("jdk-http", JDK_HTTP_CONTAINER,
                named("handle").and(takesArguments(1))
                        .and(takesArgument(0, named("com.sun.net.httpserver.HttpExchange"))),
                JdkHttpExchangeAdvice.class);
    }

    @Override
    public String framework() {
        return "jersey container (" + container + ")";
    }

    @Override
    public String markerClass() {
        return containerClass;
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return named(containerClass);
    }

    @Override
    public List<String> classFileHints() {
        // Matched by name: a class's own internal name is one of its constants.
        return Collections.singletonList(containerClass.replace('.', '/'));
    }

    @Override
    public ElementMatcher<MethodDescription> methods() {
        return entryMethod;
    }

    @Override
    public Class<?> advice() {
        return advice;
    }
}
