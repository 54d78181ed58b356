package io.warmgate.samples.legacy;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.EmbeddedJetty9;
import java.time.Duration;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * A "legacy" service on embedded Jetty 9 (javax servlet API, root context) that bundles its own, old Byte Buddy
 * and Guava under their usual package names and uses both at start-up and per request. Besides the shared
 * sample endpoints it has the odd corners real applications have, for the robustness tests:
 * <ul>
 * <li>{@value #LEGACY_REPORT}: a report computed with the old libraries (same answer with or without an agent);</li>
 * <li>{@value #READY}: the health answer again, also served with a trailing slash;</li>
 * <li>{@value #FAULTY_URI_HEALTH} and {@value #FAULTY_ADDRESS_HEALTH}: the health servlet behind a filter whose
 * request wrapper throws from {@code getRequestURI()} resp. {@code getRemoteAddr()};</li>
 * <li>{@value #PLUGIN_HEALTH}: a health servlet loaded by a reloadable plugin class loader
 * ({@value #PLUGIN_RELOAD} discards it and loads a fresh copy, {@value #PLUGIN_RELEASED} reports whether the
 * discarded loaders were garbage-collected);</li>
 * <li>{@value #HIDDEN_PLUGIN_HEALTH}: the same servlet from a loader that does not expose its class files;</li>
 * <li>{@value #ISOLATED_PLUGIN_HEALTH}: the same servlet from a loader that, like an OSGi bundle, finds only the
 * packages it imports (nothing from the boot class path beyond the JDK);</li>
 * <li>{@value #NEWER_PLUGIN}: tries to load plugin classes built for a newer Java than any JVM runs.</li>
 * </ul>
 */
public final class LegacyLibsSample {

    static final String LEGACY_REPORT = "/api/legacy";
    /** A readiness check mapped as a prefix, so that it also answers with a trailing slash: /ready and /ready/. */
    static final String READY = "/ready";
    static final String FAULTY_URI_HEALTH = "/faulty-uri/health";
    static final String FAULTY_ADDRESS_HEALTH = "/faulty-addr/health";
    static final String PLUGIN_HEALTH = "/plugin/health";
    static final String HIDDEN_PLUGIN_HEALTH = "/hidden-plugin/health";
    static final String ISOLATED_PLUGIN_HEALTH = "/isolated-plugin/health";
    static final String PLUGIN_RELOAD = "/admin/plugin/reload";
    static final String PLUGIN_RELEASED = "/admin/plugin/released";
    static final String NEWER_PLUGIN = "/admin/newer-plugin";

    private static final String NAME = "sample-legacy-libs";
    /** How long {@value #PLUGIN_RELEASED} keeps asking the JVM to collect discarded plugin loaders. */
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    private LegacyLibsSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedJetty9.serve(NAME, LegacyLibsSample::start);
    }

    /** Starts the sample on {@code port} (0 = ephemeral) on the wildcard address (127.0.0.N and ::1 both reach it). */
    static EmbeddedJetty9 start(int port) throws Exception {
        // The old Byte Buddy generates a class before anything serves a request, as frameworks built on it do.
        LegacyLibraries libraries = LegacyLibraries.atStartup();
        SampleBackend backend = new SampleBackend();
        return EmbeddedJetty9.start(port, "/", context -> {
            mountSampleEndpoints(context, backend);
            mountOddCorners(context, libraries);
        });
    }

    private static void mountSampleEndpoints(ServletContextHandler context, SampleBackend backend) {
        mount(context, SampleEndpoints.HEALTH, new HealthServlet());
        mount(context, SampleEndpoints.SICK_HEALTH, new AnswerServlet(request -> SampleResponse.UNHEALTHY));
        mount(context, SampleEndpoints.LIVENESS, new AnswerServlet(request -> SampleResponse.ALIVE));
        mount(context, SampleEndpoints.STATUS, new AnswerServlet(request -> SampleResponse.STATUS_OK));
        mount(context, SampleEndpoints.ITEMS, new AnswerServlet(request -> backend.items(
                request.getParameter(SampleEndpoints.ITEM_ID_PARAMETER),
                request.getHeader(SampleEndpoints.WARMUP_HEADER) != null)));
        mount(context, SampleEndpoints.STATS, new AnswerServlet(request -> backend.stats()));
    }

    private static void mountOddCorners(ServletContextHandler context, LegacyLibraries libraries) {
        mount(context, LEGACY_REPORT, new AnswerServlet(request ->
                SampleResponse.text(200, libraries.report(request.getParameter("name")))));

        mount(context, READY + "/*", new HealthServlet());
        mount(context, FAULTY_URI_HEALTH, new HealthServlet());
        filter(context, "/faulty-uri/*", new FaultyRequestFilter(FaultyRequestFilter.Fault.REQUEST_URI));
        mount(context, FAULTY_ADDRESS_HEALTH, new HealthServlet());
        filter(context, "/faulty-addr/*", new FaultyRequestFilter(FaultyRequestFilter.Fault.REMOTE_ADDRESS));

        PluginHost plugins = new PluginHost(PluginClassLoader.Isolation.NONE);
        filter(context, "/plugin/*", new PluginFilter(plugins));
        mount(context, PLUGIN_RELOAD, new AnswerServlet(request ->
                SampleResponse.text(200, "generation=" + plugins.reload() + "\n")));
        mount(context, PLUGIN_RELEASED, new AnswerServlet(request ->
                SampleResponse.text(200, plugins.awaitReleased(RELEASE_TIMEOUT))));

        filter(context, "/hidden-plugin/*",
                new PluginFilter(new PluginHost(PluginClassLoader.Isolation.HIDDEN_CLASS_FILES)));
        filter(context, "/isolated-plugin/*",
                new PluginFilter(new PluginHost(PluginClassLoader.Isolation.IMPORTS_ONLY)));
        mount(context, NEWER_PLUGIN, new AnswerServlet(request ->
                SampleResponse.text(200, PluginHost.loadPluginBuiltForNewerJava())));
    }

    private static void mount(ServletContextHandler context, String path, HttpServlet servlet) {
        context.addServlet(new ServletHolder(path, servlet), path);
    }

    private static void filter(ServletContextHandler context, String pathSpec, Filter filter) {
        context.addFilter(new FilterHolder(filter), pathSpec, EnumSet.of(DispatcherType.REQUEST));
    }
}
