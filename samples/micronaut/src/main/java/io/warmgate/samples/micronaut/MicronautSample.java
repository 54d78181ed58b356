package io.warmgate.samples.micronaut;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warmgate.samples.common.SampleServer;
import java.util.Map;

/**
 * Sample service on Micronaut 4's Netty server, all endpoints at the root: the management module's health endpoint
 * ({@code /health}, with its {@code /health/readiness} and {@code /health/liveness} selectors), a controller health
 * check ({@code /ready}, {@link ProbeController}), an unhealthy one and the shared business endpoints
 * ({@link ShopController}). Configured in {@code application.properties}; the port comes from the samples' own
 * property, like every sample's.
 */
public final class MicronautSample {

    private static final String NAME = "sample-micronaut";

    private MicronautSample() {
    }

    /** Starts the sample, prints the READY line and returns: Netty's threads keep the JVM running. */
    public static void main(String[] args) {
        EmbeddedServer server;
        try {
            server = start(SampleServer.configuredPort(), args);
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, () -> stop(server));
        SampleServer.announceReady(server.getPort());
    }

    /**
     * Starts the application context and its server on {@code port} (0 = ephemeral), on the wildcard address. Not
     * through {@code Micronaut.run}, which blocks its caller until shutdown and prints a banner on stdout.
     */
    static EmbeddedServer start(int port, String[] args) {
        // Micronaut's "random port" is -1; it then binds port 0 and reports the port the system chose.
        int micronautPort = port == 0 ? -1 : port;
        return ApplicationContext.builder()
                .mainClass(MicronautSample.class)
                .args(args)
                .properties(Map.<String, Object>of("micronaut.server.port", micronautPort))
                .run(EmbeddedServer.class);
    }

    static void stop(EmbeddedServer server) {
        server.stop();
        ApplicationContext context = server.getApplicationContext();
        if (context.isRunning()) {
            context.stop();
        }
    }
}
