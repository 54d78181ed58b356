package io.warmgate.agent.micronaut;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Micronaut 4 on its Netty server: every request gated where Micronaut's request lifecycle starts, annotated
 * controller methods on health paths and the management health endpoint reported as their classes load (see
 * {@link MicronautWeaver}). JDK types only: this class is loaded at start-up.
 */
public final class MicronautModule implements FrameworkModule {

    /** Where Micronaut's server runtimes start each request's route processing (micronaut-http-server). */
    static final String REQUEST_LIFECYCLE = "io.micronaut.http.server.RequestLifecycle";
    /**
     * Micronaut's Netty server (micronaut-http-server-netty): only loaders that see it get the gate. On a servlet
     * container (micronaut-servlet) the same lifecycle runs inside a servlet, which the servlet gate already decides.
     */
    static final String NETTY_SERVER = "io.micronaut.http.server.netty.NettyHttpServer";
    static final String CONTROLLER = "io.micronaut.http.annotation.Controller";
    /** The management module's health endpoint ({@code /health}, and its {@code /health/readiness} selector). */
    static final String HEALTH_ENDPOINT = "io.micronaut.management.endpoint.health.HealthEndpoint";

    @Override
    public String name() {
        return "micronaut";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(
                ClassScreen.byName(NETTY_SERVER, REQUEST_LIFECYCLE),
                ClassScreen.byConstant(CONTROLLER, "L" + CONTROLLER.replace('.', '/') + ";"),
                ClassScreen.byName(HEALTH_ENDPOINT, HEALTH_ENDPOINT));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.micronaut.MicronautWeaver";
    }
}
