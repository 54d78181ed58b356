package io.warmgate.samples.undertow;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.api.DeploymentManager;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleServer;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Sample service on embedded Undertow, all endpoints at the root. {@value #MODE_PROPERTY} chooses how they are
 * served: {@code core} (the default) as Undertow core handlers, lambdas on a {@code PathHandler} with no servlet
 * anywhere ({@link CoreHandlers}); {@code servlet} as jakarta servlets behind a filter, deployed with
 * undertow-servlet as WildFly and Spring Boot with Undertow deploy them ({@link ServletMode}).
 */
public final class UndertowSample {

    /** {@code core} or {@code servlet}. */
    public static final String MODE_PROPERTY = "sample.mode";

    private static final String NAME = "sample-undertow";

    /** How the endpoints are served. */
    public enum Mode {
        CORE, SERVLET;

        static Mode fromProperty() {
            String raw = System.getProperty(MODE_PROPERTY, "core").trim().toUpperCase(Locale.ROOT);
            try {
                return valueOf(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(MODE_PROPERTY + "=" + raw.toLowerCase(Locale.ROOT)
                        + " is not a mode; use core or servlet", e);
            }
        }
    }

    private final Undertow server;
    /** Null in core mode. */
    private final DeploymentManager deployment;

    private UndertowSample(Undertow server, DeploymentManager deployment) {
        this.server = server;
        this.deployment = deployment;
    }

    /** Starts the sample, prints the READY line and returns: Undertow's own threads keep the JVM running. */
    public static void main(String[] args) {
        UndertowSample sample;
        try {
            sample = start(SampleServer.configuredPort(), Mode.fromProperty());
        } catch (Exception e) {
            SampleServer.failStartup(NAME, e);
            return;
        }
        SampleServer.stopOnShutdown(NAME, sample::stop);
        SampleServer.announceReady(sample.port());
    }

    /** Starts the sample on {@code port} (0 = ephemeral), listening on the wildcard address. */
    static UndertowSample start(int port, Mode mode) throws Exception {
        SampleBackend backend = new SampleBackend();
        DeploymentManager deployment = mode == Mode.SERVLET ? ServletMode.deploy(backend) : null;
        HttpHandler root = deployment == null ? CoreHandlers.paths(backend) : deployment.start();
        // The JVM's wildcard address: "::" where IPv6 is on (which accepts 127.0.0.N as well as ::1), else 0.0.0.0.
        String wildcard = new InetSocketAddress(0).getAddress().getHostAddress();
        Undertow server = Undertow.builder().addHttpListener(port, wildcard).setHandler(root).build();
        server.start();
        return new UndertowSample(server, deployment);
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    void stop() throws Exception {
        server.stop();
        if (deployment != null) {
            deployment.stop();
            deployment.undeploy();
        }
    }
}
