package io.warmgate.agent.servlet;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Servlets, in the {@code javax.servlet} and {@code jakarta.servlet} namespaces; their filters are a module of
 * their own ({@link ServletFilterModule}). Every concrete {@code service(ServletRequest, ServletResponse)} of a
 * {@code Servlet} is hooked: the method a container calls for each request, whether the servlet extends
 * {@code HttpServlet} (whose own implementation is covered) or overrides it (Jersey's container, for example).
 * The request path decides whether a request is a health check, so a health servlet is found whatever it is
 * called and wherever it is mapped; Spring MVC controllers and Actuator are gated here too, at their
 * {@code DispatcherServlet}. A request that a filter in front already decided is not decided again
 * ({@link JavaxServletHooks}, whose {@code jakarta.servlet} twin is generated at build time, see agent/pom.xml).
 *
 * <p>Woven with entry hooks, without Byte Buddy. JDK types only: this class is loaded at start-up.
 */
public final class ServletModule implements FrameworkModule {

    @Override
    public String name() {
        return "servlet";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(servlets("javax"), servlets("jakarta"));
    }

    /** The advised method's descriptor is a constant of every class that declares it. */
    private static ClassScreen servlets(String namespace) {
        return ClassScreen.byConstant(namespace + ".servlet.Servlet", serviceDescriptor(namespace));
    }

    static String serviceDescriptor(String namespace) {
        return "(L" + namespace + "/servlet/ServletRequest;L" + namespace + "/servlet/ServletResponse;)V";
    }

    @Override
    public String weaverClassName() {
        return null;
    }

    @Override
    public List<EntryHook> entryHooks() {
        return Arrays.asList(servletHook("javax", "io.warmgate.agent.servlet.JavaxServletHooks"),
                servletHook("jakarta", "io.warmgate.agent.servlet.JakartaServletHooks"));
    }

    private static EntryHook servletHook(String namespace, String hooks) {
        return new EntryHook("servlet (" + namespace + ")", namespace + ".servlet.Servlet", "service",
                serviceDescriptor(namespace), hooks);
    }
}
