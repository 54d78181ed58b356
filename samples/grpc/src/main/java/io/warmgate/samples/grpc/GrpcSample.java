package io.warmgate.samples.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleServer;
import java.util.concurrent.TimeUnit;

/**
 * Sample gRPC service on grpc-java's Netty transport: the standard health service ({@link SampleHealth}) and one
 * business method that is slow when cold ({@link CatalogService}), on one plaintext HTTP/2 port.
 *
 * <p>System properties: {@code sample.port} (0 = ephemeral), {@code sample.health} ({@code up} or {@code down}),
 * and those of the shared catalog ({@code sample.catalog.cost-factor}, {@code sample.slow-file}). Prints the
 * samples' READY line once the server listens.
 */
public final class GrpcSample {

    private static final String NAME = "sample-grpc";

    private GrpcSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        Server server;
        SampleHealth health;
        try {
            health = new SampleHealth();
            server = Grpc.newServerBuilderForPort(SampleServer.configuredPort(), InsecureServerCredentials.create())
                    .addService(health.service())
                    .addService(new CatalogService(new SampleBackend()).definition())
                    .build()
                    .start();
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, () -> {
            health.stopServing();
            server.shutdown();
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        });
        SampleServer.announceReady(server.getPort());
        server.awaitTermination();
    }
}
