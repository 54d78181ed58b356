package io.warmgate.agent.vertx;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Collections;
import java.util.List;

/**
 * Vert.x web (Vert.x 4 and 5), and with it everything that serves HTTP through a Vert.x web {@code Router}: Quarkus's
 * reactive routes, RESTEasy Reactive and SmallRye Health on Vert.x, the health-check handler module. Gated where a
 * router takes each request from the HTTP server (see {@link VertxWeaver}). JDK types only: this class is loaded at
 * start-up.
 */
public final class VertxModule implements FrameworkModule {

    /** The router every {@code Router.router(vertx)} builds, the same class in Vert.x 4 and 5. */
    static final String ROUTER_IMPL = "io.vertx.ext.web.impl.RouterImpl";
    /**
     * A Vert.x core class of 4.0 and later: Vert.x 3's {@code HttpServerResponse.end(String)} returns void where the
     * advice calls the 4 and 5 signature (which returns a future), so Vert.x 3 is left alone.
     */
    static final String VERTX4_MARKER = "io.vertx.core.tracing.TracingPolicy";

    @Override
    public String name() {
        return "vertx";
    }

    @Override
    public List<ClassScreen> screens() {
        return Collections.singletonList(ClassScreen.byName(VERTX4_MARKER, ROUTER_IMPL));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.vertx.VertxWeaver";
    }
}
