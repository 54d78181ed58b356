package io.warmgate.agent.servlet;

import io.warmgate.agent.HandlerInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Servlets, in the {@code javax.servlet} and {@code jakarta.servlet} namespaces.
 *
 * <p>The advice goes on every concrete {@code service(ServletRequest, ServletResponse)}: the method a container
 * calls for each request, whether the servlet extends {@code HttpServlet} (whose own implementation is
 * covered) or overrides it (Jersey's container, for example). The path decides whether a request is a health
 * check, so a health servlet is found whatever it is called and wherever it is mapped.
 */
public final class ServletInstrumentation implements HandlerInstrumentation {

    private final String namespace;
    private final Class<?> advice;

    private ServletInstrumentation(String namespace, Class<?> advice) {
        this.namespace = namespace;
        this.advice = advice;
    }

    public static ServletInstrumentation javax() {
        return new ServletInstrumentation("javax", JavaxServletAdvice.class);
    }

    public static ServletInstrumentation jakarta() {
        return new ServletInstrumentation("jakarta", JakartaServletAdvice.class);
    }

    @Override
    public String framework() {
        return "servlet (" + namespace + ")";
    }

    @Override
    public String markerClass() {
        return namespace + ".servlet.Servlet";
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        // declaresMethod looks at the class alone; only the few classes that pass it pay for the hierarchy walk.
        return declaresMethod(serviceMethod()).and(hasSuperType(named(namespace + ".servlet.Servlet")));
    }

    @Override
    public List<String> classFileHints() {
        // The descriptor of the advised method is a constant of every class that declares it.
        return Collections.singletonList("(L" + namespace + "/servlet/ServletRequest;L" + namespace
                + "/servlet/ServletResponse;)V");
    }

    @Override
    public ElementMatcher<MethodDescription> methods() {
        return serviceMethod();
    }

    @Override
    public Class<?> advice() {
        return advice;
    }

    private ElementMatcher.Junction<MethodDescription> serviceMethod() {
        return named("service")
                .and(takesArguments(2))
                .and(takesArgument(0, named(namespace + ".servlet.ServletRequest")))
                .and(takesArgument(1, named(namespace + ".servlet.ServletResponse")))
                .and(not(isAbstract()));
    }
}
