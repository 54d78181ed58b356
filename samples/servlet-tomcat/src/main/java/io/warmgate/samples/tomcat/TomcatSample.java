package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleServer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Sample service on embedded Tomcat (jakarta servlet API), all endpoints under {@value #CONTEXT_PATH}.
 *
 * <p>Servlets are registered programmatically rather than from a web.xml or annotations: no class-path scanning
 * keeps start-up well under two seconds, and the agent still sees ordinary {@code HttpServlet} subclasses.
 */
public final class TomcatSample {

    static final String CONTEXT_PATH = "/shop";
    private static final String NAME = "sample-servlet-tomcat";

    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDir;

    private TomcatSample(Tomcat tomcat, Connector connector, Path baseDir) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.baseDir = baseDir;
    }

    public static void main(String[] args) {
        TomcatSample sample;
        try {
            sample = start(SampleServer.configuredPort());
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, sample::stop);
        ShutdownTrace.installIfAsked();
        SampleServer.announceReady(sample.port());
        // Tomcat's threads are daemons; this keeps the JVM alive until the shutdown hook stops the server.
        sample.tomcat.getServer().await();
    }

    /** Starts Tomcat on {@code port} (0 = ephemeral), listening on all interfaces, IPv4 and IPv6. */
    static TomcatSample start(int port) throws IOException, LifecycleException {
        // Tomcat needs a writable base directory; a private temporary one keeps the working directory clean.
        Path baseDir = Files.createTempDirectory("warmgate-sample-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setSilent(true);
        tomcat.setBaseDir(baseDir.toString());

        // No address set: the connector binds the wildcard address, which accepts 127.0.0.N as well as ::1.
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setThrowOnFailure(true);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext(CONTEXT_PATH, baseDir.toString());
        skipRedeployLeakChecks((StandardContext) context);
        mountServlets(context, new SampleBackend());

        TomcatSample sample = new TomcatSample(tomcat, connector, baseDir);
        try {
            tomcat.start();
            if (connector.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("HTTP connector did not start on port " + port);
            }
        } catch (LifecycleException | RuntimeException e) {
            sample.stop();
            throw e;
        }
        return sample;
    }

    /**
     * Tomcat's leak protection exists for web apps that are redeployed into a long-running server. This context
     * lives exactly as long as the JVM, and on Java 17+ the checks only print warnings asking for --add-opens.
     */
    private static void skipRedeployLeakChecks(StandardContext context) {
        context.setClearReferencesObjectStreamClassCaches(false);
        context.setClearReferencesRmiTargets(false);
        context.setClearReferencesThreadLocals(false);
    }

    private static void mountServlets(Context context, SampleBackend backend) {
        mount(context, SampleEndpoints.HEALTH, new HealthServlet());
        mount(context, SampleEndpoints.SICK_HEALTH, new SickHealthServlet());
        mount(context, SampleEndpoints.LIVENESS, new LivenessServlet());
        mount(context, SampleEndpoints.STATUS, new StatusServlet());
        mount(context, SampleEndpoints.ITEMS, new ItemsServlet(backend));
        mount(context, SampleEndpoints.STATS, new StatsServlet(backend));
    }

    private static void mount(Context context, String path, HttpServlet servlet) {
        String servletName = servlet.getClass().getSimpleName();
        Tomcat.addServlet(context, servletName, servlet);
        context.addServletMappingDecoded(path, servletName);
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    int port() {
        return connector.getLocalPort();
    }

    void stop() throws LifecycleException, IOException {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
