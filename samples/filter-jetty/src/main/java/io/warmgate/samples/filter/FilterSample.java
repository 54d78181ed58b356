package io.warmgate.samples.filter;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.EmbeddedJetty9;
import java.util.EnumSet;
import java.util.function.Function;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Sample service on embedded Jetty 9 (javax servlet API), all endpoints at the root context, whose health checks
 * are answered by filters ({@link HealthFilter}) with no servlet behind them. An application filter that only
 * passes requests on ({@link EncodingFilter}) sits in front of every path. Business endpoints, liveness and the
 * status page are servlets, and so is {@value #SERVLET_HEALTH}: a health servlet behind that filter, so that one
 * request through a filter and a servlet can be seen to be decided once.
 *
 * <p>Filters and servlets are registered programmatically, the equivalent of a web.xml, with no class-path
 * scanning. Jetty's default servlet stands behind paths no servlet maps, so the filters on {@code /health} run as
 * they would in a web.xml deployment.
 */
public final class FilterSample {

    /** A health check answered by a servlet, behind the pass-through filter. */
    public static final String SERVLET_HEALTH = "/ready";

    private static final String NAME = "sample-filter-jetty";

    private FilterSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedJetty9.serve(NAME, FilterSample::start);
    }

    /** Starts the sample on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6. */
    static EmbeddedJetty9 start(int port) throws Exception {
        SampleBackend backend = new SampleBackend();
        return EmbeddedJetty9.start(port, "/", context -> mount(context, backend));
    }

    private static void mount(ServletContextHandler context, SampleBackend backend) {
        filter(context, "/*", new EncodingFilter()); // first: in front of everything
        filter(context, SampleEndpoints.HEALTH, new HealthFilter(SampleResponse.HEALTHY));
        filter(context, SampleEndpoints.SICK_HEALTH, new HealthFilter(SampleResponse.UNHEALTHY));
        servlet(context, SERVLET_HEALTH, request -> SampleResponse.HEALTHY);
        servlet(context, SampleEndpoints.LIVENESS, request -> SampleResponse.ALIVE);
        servlet(context, SampleEndpoints.STATUS, request -> SampleResponse.STATUS_OK);
        servlet(context, SampleEndpoints.ITEMS, request -> backend.items(
                request.getParameter(SampleEndpoints.ITEM_ID_PARAMETER),
                request.getHeader(SampleEndpoints.WARMUP_HEADER) != null));
        servlet(context, SampleEndpoints.STATS, request -> backend.stats());
    }

    private static void filter(ServletContextHandler context, String path, Filter filter) {
        context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    private static void servlet(ServletContextHandler context, String path,
                                Function<HttpServletRequest, SampleResponse> answer) {
        context.addServlet(new ServletHolder("servlet " + path, new AnswerServlet(answer)), path);
    }
}
