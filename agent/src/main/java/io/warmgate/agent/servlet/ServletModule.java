package io.warmgate.agent.servlet;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Servlets, in the {@code javax.servlet} and {@code jakarta.servlet} namespaces (see {@link ServletWeaver}); their
 * filters are a module of their own ({@link ServletFilterModule}).
 * JDK types only: this class is loaded at start-up.
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
        return "io.warmgate.agent.servlet.ServletWeaver";
    }
}
