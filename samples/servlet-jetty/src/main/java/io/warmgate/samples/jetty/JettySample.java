package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleServer;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Sample service on embedded Jetty 9 (javax servlet API), all endpoints at the root context.
 *
 * <p>Servlets are registered programmatically rather than from a web.xml or annotations: no class-path scanning
 * keeps start-up well under two seconds, and the agent still sees ordinary {@code HttpServlet} subclasses.
 * Jetty's own logging is turned down in {@code jetty-logging.properties}.
 */
public final class JettySample {

    private static final String NAME = "sample-servlet-jetty";

    private final Server server;
    private final ServerConnector connector;

    private JettySample(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static void main(String[] args) throws InterruptedException {
        JettySample sample;
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
    static JettySample start(int port) throws Exception {
        Server server = new Server();
        // No host set: the connector binds the wildcard address, which accepts 127.0.0.N as well as ::1.
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        mountServlets(context, new SampleBackend());
        server.setHandler(context);

        JettySample sample = new JettySample(server, connector);
        try {
            server.start();
        } catch (Exception e) {
            sample.stop();
            throw e;
        }
        return sample;
    }

    private static void mountServlets(ServletContextHandler context, SampleBackend backend) {
        mount(context, SampleEndpoints.HEALTH, new HealthServlet());
        mount(context, SampleEndpoints.SICK_HEALTH, new SickHealthServlet());
        mount(context, SampleEndpoints.LIVENESS, new LivenessServlet());
        mount(context, SampleEndpoints.STATUS, new StatusServlet());
        mount(context, SampleEndpoints.ITEMS, new ItemsServlet(backend));
        mount(context, SampleEndpoints.STATS, new StatsServlet(backend));
    }

    private static void mount(ServletContextHandler context, String path, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet.getClass().getSimpleName(), servlet), path);
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }
}
