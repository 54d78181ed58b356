package io.warmgate.agent.jaxrs;

import com.sun.net.httpserver.HttpServer;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.AsmWoven;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container entry hooks on real servers (the JDK's HTTP server and Grizzly), each with a stand-in for Jersey's
 * container class woven with the agent's hooks. Requests come from 127.0.0.7, so the captured
 * peer address is checked for real.
 */
class ContainerAdviceTest {

    private static final String PEER = "127.0.0.7";
    /** Grizzly announces every listener start and stop at INFO; held so the level stays set. */
    private static final Logger GRIZZLY_LOG = Logger.getLogger("org.glassfish.grizzly");

    static {
        GRIZZLY_LOG.setLevel(Level.WARNING);
    }

    private ScriptedGatekeeper gatekeeper;

    @BeforeEach
    void setUp() {
        gatekeeper = ScriptedGatekeeper.installed();
        CapturedRequest.clear();
    }

    @Test
    void jdkHttpServerCapturesGatedRequestsOnly() throws Exception {
        com.sun.net.httpserver.HttpHandler container = (com.sun.net.httpserver.HttpHandler) newInstance(instrument(
                ContainerFixtures.JdkHttpContainer.class, "jersey container (jdk-http)"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", container);
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(get(port, "/svc/health", null)).isEqualTo("/svc/health|" + PEER + "|port|null|null|jdk-http");
            assertThat(get(port, "/api/items", null)).as("business requests are not captured").isEqualTo("none");

            gatekeeper.peerHeader = "X-Forwarded-For";
            assertThat(get(port, "/status/ready", "X-Forwarded-For: 192.0.2.1\r\nX-Warmgate-Warmup: 1"))
                    .isEqualTo("/status/ready|" + PEER + "|port|192.0.2.1|1|jdk-http");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void grizzlyCapturesGatedRequestsOnly() throws Exception {
        org.glassfish.grizzly.http.server.HttpHandler container =
                (org.glassfish.grizzly.http.server.HttpHandler) newInstance(instrument(
                        ContainerFixtures.GrizzlyContainer.class, "jersey container (grizzly)"));
        org.glassfish.grizzly.http.server.HttpServer server = new org.glassfish.grizzly.http.server.HttpServer();
        NetworkListener listener = new NetworkListener("test", "127.0.0.1", 0);
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(container, "/");
        server.start();
        try {
            int port = listener.getPort();
            assertThat(get(port, "/health", null)).isEqualTo("/health|" + PEER + "|port|null|null|grizzly");
            assertThat(get(port, "/livez", null)).isEqualTo("none");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aCaptureTheResourceDidNotTakeIsReleasedWhenTheRequestLeavesTheContainer() throws Exception {
        // The container thread is the test thread here: a capture left behind would be visible afterwards.
        Class<?> container = instrument(ContainerFixtures.JdkHttpContainer.class,
                "jersey container (jdk-http)");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Runnable::run);
        server.createContext("/", (com.sun.net.httpserver.HttpHandler) newInstance(container));
        server.start();
        try {
            assertThat(get(server.getAddress().getPort(), "/health", null)).contains("jdk-http");
        } finally {
            server.stop(0);
        }
        assertThat(CapturedRequest.take()).isNull();
    }

    private static Class<?> instrument(Class<?> fixture, String hook) {
        return AsmWoven.entryHookedCopy(fixture, new JaxRsModule(), hook);
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        return type.getDeclaredConstructor().newInstance();
    }

    /** A GET from {@value #PEER}, as a load-balancer node on that address would send it; returns the body. */
    private static String get(int port, String path, String extraHeader) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(PEER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (extraHeader == null ? "" : extraHeader + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 200");
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
