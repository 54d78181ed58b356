package io.warmgate.samples.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleServer;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Sample service on Vert.x web, all endpoints at the root of one {@link io.vertx.ext.web.Router} ({@link Routes}),
 * served by Vert.x's HTTP server on its event loops. Prints the samples' READY line once the server listens; Vert.x's
 * own non-daemon threads keep the JVM running.
 */
public final class VertxSample {

    private static final String NAME = "sample-vertx";
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer server;

    private VertxSample(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static void main(String[] args) {
        VertxSample sample;
        try {
            sample = start(SampleServer.configuredPort());
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, sample::stop);
        SampleServer.announceReady(sample.port());
    }

    /** Starts the sample on {@code port} (0 = ephemeral), listening on the wildcard address. */
    static VertxSample start(int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // The JVM's wildcard address: "::" where IPv6 is on (which accepts 127.0.0.N too), else 0.0.0.0.
            String wildcard = new InetSocketAddress(0).getAddress().getHostAddress();
            // HTTP/1.1 only, like the other samples: over cleartext HTTP/2 (h2c, which the JDK's HttpClient asks for
            // on its own) Vert.x 4.5 and 5.0 send a HEAD response's body as a DATA frame, which that client reports
            // as a body and curl rejects as a protocol error, whoever wrote the response.
            HttpServerOptions http11 = new HttpServerOptions().setHttp2ClearTextEnabled(false);
            HttpServer server = vertx.createHttpServer(http11)
                    .requestHandler(Routes.router(vertx, new SampleBackend()))
                    .listen(port, wildcard)
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new VertxSample(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    int port() {
        return server.actualPort();
    }

    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
