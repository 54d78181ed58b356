package io.warmgate.agent.jaxrs;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * JAX-RS health resource methods, in the {@code javax.ws.rs} and {@code jakarta.ws.rs} namespaces, and Jersey's
 * non-servlet containers.
 *
 * <p>Resources. Classes of well-known libraries are passed over by name ({@link FrameworkPackages}); every other
 * class that passed the {@code @Path} screen is checked for {@code @Path} among its own annotations (read from the
 * class file by name, nothing loaded), and only then are its methods examined ({@link HealthResourceMethods}).
 * Classes are changed only when they have a health method. The advice decides only for requests that a
 * non-servlet container captured for it; on a servlet container the servlet advice has already decided by the
 * request path, so no peer is counted twice. {@link JavaxResourceAdvice} is the one source of the advice; its
 * {@code jakarta} twin is generated at build time (see agent/pom.xml).
 *
 * <p>Containers. Grizzly's {@code GrizzlyHttpContainer.service(Request, Response)} and the JDK server's
 * {@code JdkHttpHandlerContainer.handle(HttpExchange)}, where the peer's address is still at hand: the advice
 * captures a gated request for the resource advice on the same thread and decides nothing itself. Both class
 * names are the same in Jersey 2 (javax) and 3+ (jakarta), and the advice uses no JAX-RS type.
 */
public final class JaxRsWeaver implements FrameworkWeaver {

    private final HealthResourceMethods javaxMethods;
    private final HealthResourceMethods jakartaMethods;

    public JaxRsWeaver(WeaverContext context) {
        this.javaxMethods = new HealthResourceMethods("jax-rs (javax)", "javax", context.paths());
        this.jakartaMethods = new HealthResourceMethods("jax-rs (jakarta)", "jakarta", context.paths());
    }

    @Override
    public List<Weaving> gates() {
        return Arrays.asList(
                resources("javax", javaxMethods, "io.warmgate.agent.jaxrs.JavaxResourceAdvice"),
                resources("jakarta", jakartaMethods, "io.warmgate.agent.jaxrs.JakartaResourceAdvice"),
                new Weaving("jersey container (grizzly)", named(JaxRsModule.GRIZZLY_CONTAINER),
                        named("service").and(takesArguments(2))
                                .and(takesArgument(0, named("org.glassfish.grizzly.http.server.Request")))
                                .and(takesArgument(1, named("org.glassfish.grizzly.http.server.Response")))
                                .and(not(isAbstract())),
                        "io.warmgate.agent.jaxrs.GrizzlyRequestAdvice"),
                new Weaving("jersey container (jdk-http)", named(JaxRsModule.JDK_HTTP_CONTAINER),
                        named("handle").and(takesArguments(1))
                                .and(takesArgument(0, named("com.sun.net.httpserver.HttpExchange")))
                                .and(not(isAbstract())),
                        "io.warmgate.agent.jaxrs.JdkHttpExchangeAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Collections.<Detection>singletonList(new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                List<FoundHandler> found = new ArrayList<FoundHandler>();
                if (isResource("javax").matches(type)) {
                    found.addAll(javaxMethods.foundIn(type));
                }
                if (isResource("jakarta").matches(type)) {
                    found.addAll(jakartaMethods.foundIn(type));
                }
                return found;
            }
        });
    }

    private static Weaving resources(String namespace, HealthResourceMethods methods, String advice) {
        return new Weaving("jax-rs (" + namespace + ")", isResource(namespace).and(declaresMethod(methods)), methods,
                advice);
    }

    private static ElementMatcher.Junction<TypeDescription> isResource(String namespace) {
        return not(new FrameworkPackages())
                .and(not(isInterface()))
                .and(isAnnotatedWith(named(namespace + ".ws.rs.Path")));
    }
}
