package io.warmgate.agent.servlet;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Servlet filters, in the {@code javax.servlet} and {@code jakarta.servlet} namespaces: health checks answered by
 * a filter, and one decision per request in front of the servlets. Every concrete
 * {@code doFilter(ServletRequest, ServletResponse, FilterChain)} of a {@code Filter} is hooked: where a filter
 * sees each request, including the final implementations of base classes (Spring's {@code OncePerRequestFilter},
 * {@code HttpFilter}) that then call their subclass. The first filter a health check enters decides it; neither
 * the filters nor the servlet behind it decide again, and the filter or servlet that answered names itself (see
 * {@link JavaxFilterHooks}; its {@code jakarta.servlet} twin is generated at build time, see agent/pom.xml).
 *
 * <p>A module of its own, so that {@code servlet-filter.enabled=false} returns to deciding at the servlet alone.
 * Woven with entry hooks, without Byte Buddy. JDK types only: this class is loaded at start-up.
 */
public final class ServletFilterModule implements FrameworkModule {

    @Override
    public String name() {
        return "servlet-filter";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(filters("javax"), filters("jakarta"));
    }

    /** The advised method's descriptor is a constant of every class that declares it. */
    private static ClassScreen filters(String namespace) {
        return ClassScreen.byConstant(namespace + ".servlet.Filter", doFilterDescriptor(namespace));
    }

    static String doFilterDescriptor(String namespace) {
        return "(L" + namespace + "/servlet/ServletRequest;L" + namespace + "/servlet/ServletResponse;L" + namespace
                + "/servlet/FilterChain;)V";
    }

    @Override
    public String weaverClassName() {
        return null;
    }

    @Override
    public List<EntryHook> entryHooks() {
        return Arrays.asList(filterHook("javax", "io.warmgate.agent.servlet.JavaxFilterHooks"),
                filterHook("jakarta", "io.warmgate.agent.servlet.JakartaFilterHooks"));
    }

    private static EntryHook filterHook(String namespace, String hooks) {
        return new EntryHook("servlet filter (" + namespace + ")", namespace + ".servlet.Filter", "doFilter",
                doFilterDescriptor(namespace), hooks);
    }
}
