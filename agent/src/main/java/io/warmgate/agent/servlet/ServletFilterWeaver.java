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
 * The advice goes on every concrete {@code doFilter(ServletRequest, ServletResponse, FilterChain)} of a
 * {@code Filter}: where a filter sees each request, including the final implementations of base classes (Spring's
 * {@code OncePerRequestFilter}, {@code HttpFilter}) that then call their subclass. The first filter a health check
 * enters decides it; neither the filters nor the servlet behind it decide again, and the filter or servlet that
 * answered names itself (see {@link JavaxFilterAdvice}, the one source of the advice; its {@code jakarta.servlet}
 * twin is generated at build time, see agent/pom.xml).
 */
public final class ServletFilterWeaver implements FrameworkWeaver {

    public ServletFilterWeaver(WeaverContext context) {
        // Decided by request path at run time; nothing here depends on the configuration.
    }

    @Override
    public List<Weaving> gates() {
        return Arrays.asList(filters("javax", "io.warmgate.agent.servlet.JavaxFilterAdvice"),
                filters("jakarta", "io.warmgate.agent.servlet.JakartaFilterAdvice"));
    }

    @Override
    public List<Detection> detections() {
        return Collections.emptyList();
    }

    private static Weaving filters(String namespace, String advice) {
        ElementMatcher.Junction<MethodDescription> doFilter = named("doFilter")
                .and(takesArguments(3))
                .and(takesArgument(0, named(namespace + ".servlet.ServletRequest")))
                .and(takesArgument(1, named(namespace + ".servlet.ServletResponse")))
                .and(takesArgument(2, named(namespace + ".servlet.FilterChain")))
                .and(not(isAbstract()));
        // declaresMethod looks at the class alone; only the few classes that pass it pay for the hierarchy walk.
        return new Weaving("servlet filter (" + namespace + ")",
                declaresMethod(doFilter).and(hasSuperType(named(namespace + ".servlet.Filter"))), doFilter, advice);
    }
}
