package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * JAX-RS health resource methods in both namespaces, and the request entries of the non-servlet containers
 * Jersey runs on, which supply those methods with the peer's address (see {@link JaxRsWeaver}). JDK types only:
 * this class is loaded at start-up.
 */
public final class JaxRsModule implements FrameworkModule {

    static final String GRIZZLY_CONTAINER = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";
    static final String JDK_HTTP_CONTAINER = "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer";

    @Override
    public String name() {
        return "jax-rs";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(
                // Only classes with @Path among their own annotations are resources: its descriptor is a constant.
                ClassScreen.byConstant("javax.ws.rs.Path", "Ljavax/ws/rs/Path;"),
                ClassScreen.byConstant("jakarta.ws.rs.Path", "Ljakarta/ws/rs/Path;"),
                ClassScreen.byName(GRIZZLY_CONTAINER, GRIZZLY_CONTAINER),
                ClassScreen.byName(JDK_HTTP_CONTAINER, JDK_HTTP_CONTAINER));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.jaxrs.JaxRsWeaver";
    }
}
