package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.jetty9.EmbeddedJetty9;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private Jersey2ServletSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        JERSEY.setLevel(Level.WARNING);
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
        EmbeddedJetty9.serve(NAME, Jersey2ServletSample::start);
    }

    /** Starts the sample on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6. */
    static EmbeddedJetty9 start(int port) throws Exception {
        ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(SampleApplication.create(new SampleBackend())));
        // Start Jersey with the server, not lazily on the first request, so READY means ready to answer.
        jersey.setInitOrder(1);
        return EmbeddedJetty9.start(port, CONTEXT_PATH, context -> context.addServlet(jersey, SERVLET_MAPPING));
    }
}
