package io.warmgate.agent.servlet;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The advice goes on every concrete {@code service(ServletRequest, ServletResponse)}: the method a container
 * calls for each request, whether the servlet extends {@code HttpServlet} (whose own implementation is covered)
 * or overrides it (Jersey's container, for example). The request path decides whether a request is a health
 * check, so a health servlet is found whatever it is called and wherever it is mapped. Spring MVC controllers and
 * Actuator are gated here too, at their {@code DispatcherServlet}.
 *
 * <p>A request that a filter in front already decided ({@link ServletFilterWeaver}) is not decided again here.
 * {@link JavaxServletAdvice} is the one source of the advice; its {@code jakarta.servlet} twin,
 * {@code JakartaServletAdvice}, is generated from it at build time (see agent/pom.xml).
 */
public final class ServletWeaver implements FrameworkWeaver {

    public ServletWeaver(WeaverContext context) {
        // The servlet advice decides by request path at run time; nothing here depends on the configuration.
    }

    @Override
    public List<Weaving> gates() {
        return Arrays.asList(servlets("javax", "io.warmgate.agent.servlet.JavaxServletAdvice"),
                servlets("jakarta", "io.warmgate.agent.servlet.JakartaServletAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Collections.emptyList();
    }

    private static Weaving servlets(String namespace, String advice) {
        ElementMatcher.Junction<MethodDescription> service = named("service")
                .and(takesArguments(2))
                .and(takesArgument(0, named(namespace + ".servlet.ServletRequest")))
                .and(takesArgument(1, named(namespace + ".servlet.ServletResponse")))
                .and(not(isAbstract()));
        // declaresMethod looks at the class alone; only the few classes that pass it pay for the hierarchy walk.
        return new Weaving("servlet (" + namespace + ")",
                declaresMethod(service).and(hasSuperType(named(namespace + ".servlet.Servlet"))), service, advice);
    }
}
