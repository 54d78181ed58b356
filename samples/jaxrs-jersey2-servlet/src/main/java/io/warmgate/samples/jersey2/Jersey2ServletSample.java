package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleServer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Sample service on Jersey 2 (javax.ws.rs) inside a servlet container: Jersey's {@link ServletContainer} in
 * embedded Jetty 9, under the context path {@value #CONTEXT_PATH} and the servlet mapping {@value #SERVLET_MAPPING},
 * so every endpoint is below {@value #BASE_PATH}. The prefix in front of the resources' own paths is on purpose:
 * what decides whether a request is a health check is its path's last segment, which no prefix changes.
 */
public final class Jersey2ServletSample {

    static final String CONTEXT_PATH = "/app";
    static final String SERVLET_MAPPING = "/rest/*";
    /** Where the resources' paths start, as clients see it. */
    static final String BASE_PATH = "/app/rest";

    private static final String NAME = "sample-jaxrs-jersey2-servlet";

    /** Held so the levels set on them stay in force: java.util.logging keeps loggers only weakly. */
    private static final Logger JERSEY = Logger.getLogger("org.glassfish");
    /** Warns at every start that the sample ships no javax.activation (it needs none). */
    private static final Logger JERSEY_PROVIDERS =
            Logger.getLogger("org.glassfish.jersey.message.internal.MessagingBinders");

    private final Server server;
    private final ServerConnector connector;

    private Jersey2ServletSample(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static void main(String[] args) throws InterruptedException {
        JERSEY.setLevel(Level.WARNING);
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
        Jersey2ServletSample sample;
        try {
            sample = start(SampleServer.configuredPort());
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, sample::stop);
        SampleServer.announceReady(sample.port());
        sample.server.join();
    }

    /** Starts Jetty on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6. */
    static Jersey2ServletSample start(int port) throws Exception {
        Server server = new Server();
        // No host set: the connector binds the wildcard address, which accepts 127.0.0.N as well as ::1.
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(CONTEXT_PATH);
        ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(SampleApplication.create(new SampleBackend())));
        // Start Jersey with the server, not lazily on the first request, so READY means ready to answer.
        jersey.setInitOrder(1);
        context.addServlet(jersey, SERVLET_MAPPING);
        server.setHandler(context);

        Jersey2ServletSample sample = new Jersey2ServletSample(server, connector);
        try {
            server.start();
        } catch (Exception e) {
            sample.stop();
            throw e;
        }
        return sample;
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }
}
