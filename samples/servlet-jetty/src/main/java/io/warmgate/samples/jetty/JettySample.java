package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.jetty9.EmbeddedJetty9;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Sample service on embedded Jetty 9 (javax servlet API), all endpoints at the root context.
 *
 * <p>Servlets are registered programmatically rather than from a web.xml or annotations: no class-path scanning
 * keeps start-up well under two seconds, and the agent still sees ordinary {@code HttpServlet} subclasses.
 */
public final class JettySample {

    private static final String NAME = "sample-servlet-jetty";

    private JettySample() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedJetty9.serve(NAME, JettySample::start);
    }

    /** Starts the sample on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6. */
    static EmbeddedJetty9 start(int port) throws Exception {
        SampleBackend backend = new SampleBackend();
        return EmbeddedJetty9.start(port, "/", context -> mountServlets(context, backend));
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
}
