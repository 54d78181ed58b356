package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleServer;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sample service on Jersey 3 (jakarta.ws.rs) without a servlet container: Grizzly or the JDK's HTTP server
 * ({@code -Dsample.container=grizzly|jdk-http}), all endpoints at the root path.
 */
public final class Jersey3Sample {

    private static final String NAME = "sample-jaxrs-jersey3";

    /** Held so the levels set on them stay in force: java.util.logging keeps loggers only weakly. */
    private static final Logger CONTAINERS = Logger.getLogger("org.glassfish");
    /** Warns at every start that the sample ships no jakarta.activation (it needs none). */
    private static final Logger JERSEY_PROVIDERS =
            Logger.getLogger("org.glassfish.jersey.message.internal.MessagingBinders");
    /** The JDK server warns about every HEAD answer Jersey gives with a Content-Length. */
    private static final Logger JDK_HTTP_SERVER = Logger.getLogger("com.sun.net.httpserver");

    private Jersey3Sample() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietContainerLogging();
        SampleContainer.RunningServer server;
        try {
            SampleContainer container = SampleContainer.configured();
            server = container.start(SampleServer.configuredPort(), SampleApplication.create(new SampleBackend()));
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SampleServer.stopOnShutdown(NAME, () -> {
            try {
                server.stopAction().stop();
            } finally {
                stopped.countDown();
            }
        });
        SampleServer.announceReady(server.port());
        // The servers' threads may all be daemons; this keeps the JVM alive until the shutdown hook ran.
        stopped.await();
    }

    /** Jersey and Grizzly log start-up chatter on stderr; only real warnings and errors are of interest here. */
    private static void quietContainerLogging() {
        CONTAINERS.setLevel(Level.WARNING);
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
        JDK_HTTP_SERVER.setLevel(Level.SEVERE);
    }
}
