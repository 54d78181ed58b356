package io.warmgate.samples.jetty9;

import io.warmgate.samples.common.SampleServer;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The embedded Jetty 9.4 (javax servlet API) that the javax samples run in: one connector on the wildcard
 * address, one servlet context without sessions, and the samples' start-up contract ({@link SampleServer}).
 * Jetty's own logging is turned down in this module's {@code jetty-logging.properties}.
 */
public final class EmbeddedJetty9 {

    /** What a sample's {@code start(port)} does, for {@link #serve}. */
    @FunctionalInterface
    public interface Starter {
        EmbeddedJetty9 start(int port) throws Exception;
    }

    private final Server server;
    private final ServerConnector connector;

    private EmbeddedJetty9(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * A sample's {@code main}: starts it on the configured port, stops it on shutdown, prints the READY line and
     * keeps the JVM alive while Jetty runs. A start-up failure is one line on stderr and exit status 1.
     *
     * @param name names the sample in its start-up and shutdown messages
     */
    public static void serve(String name, Starter starter) throws InterruptedException {
        EmbeddedJetty9 jetty;
        try {
            jetty = starter.start(SampleServer.configuredPort());
        } catch (Exception e) {
            SampleServer.failStartup(name, e);
            return;
        }
        SampleServer.stopOnShutdown(name, jetty::stop);
        SampleServer.announceReady(jetty.port());
        jetty.server.join();
    }

    /**
     * Starts Jetty on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6, with one context
     * at {@code contextPath} that {@code mount} fills with servlets and filters before the server starts.
     */
    public static EmbeddedJetty9 start(int port, String contextPath, Consumer<ServletContextHandler> mount)
            throws Exception {
        Server server = new Server();
        // No host set: the connector binds the wildcard address, which accepts 127.0.0.N as well as ::1.
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(contextPath);
        mount.accept(context);
        server.setHandler(context);

        EmbeddedJetty9 jetty = new EmbeddedJetty9(server, connector);
        try {
            server.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return jetty;
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return connector.getLocalPort();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
