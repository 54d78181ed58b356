package io.warmgate.agent.servlet;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Servlet filters, in the {@code javax.servlet} and {@code jakarta.servlet} namespaces (see
 * {@link ServletFilterWeaver}): health checks answered by a filter, and one decision per request in front of the
 * servlets. A module of its own, so that {@code servlet-filter.enabled=false} returns to deciding at the servlet
 * alone. JDK types only: this class is loaded at start-up.
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
        return "io.warmgate.agent.servlet.ServletFilterWeaver";
    }
}
