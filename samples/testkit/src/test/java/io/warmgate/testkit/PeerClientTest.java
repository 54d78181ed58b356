package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerClientTest {

    private HttpServer server;
    private final List<String> seenRemotes = new CopyOnWriteArrayList<>();
    private final List<String> seenProbeHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/whoami", exchange -> {
            seenRemotes.add(exchange.getRemoteAddress().getAddress().getHostAddress());
            seenProbeHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Probe")));
            exchange.getResponseHeaders().add("x-MiXeD-case", "yes");
            exchange.getResponseHeaders().add("X-Twice", "first");
            exchange.getResponseHeaders().add("X-Twice", "second");
            respond(exchange, 200, exchange.getRemoteAddress().getAddress().getHostAddress(), false);
        });
        server.createContext("/chunked", exchange -> respond(exchange, 503, "DOWN\n".repeat(1000), true));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void serverSeesTheBoundPeerAddress() throws IOException {
        for (String peer : List.of("127.0.0.7", "127.0.0.23")) {
            HttpResult result = client(peer).get("/whoami");

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).isEqualTo(peer);
            assertThat(result.peer()).isEqualTo(peer);
        }
        assertThat(seenRemotes).containsExactly("127.0.0.7", "127.0.0.23");
    }

    @Test
    void headerLookupIgnoresCaseAndKeepsRepeatedValues() throws IOException {
        HttpResult result = client("127.0.0.2").get("/whoami");

        assertThat(result.header("X-Mixed-Case")).contains("yes");
        assertThat(result.header("x-mixed-case")).contains("yes");
        assertThat(result.headers().all("x-twice")).containsExactly("first", "second");
        assertThat(result.header("X-Absent")).isEmpty();
        assertThat(result.headers().contains("content-length")).isTrue();
    }

    @Test
    void readsChunkedBodies() throws IOException {
        HttpResult result = client("127.0.0.3").get("/chunked");

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.header("Transfer-Encoding")).hasValueSatisfying(v -> assertThat(v).contains("chunked"));
        assertThat(result.body()).isEqualTo("DOWN\n".repeat(1000));
    }

    @Test
    void headHasNoBodyEvenWithContentLength() throws IOException {
        HttpResult result = client("127.0.0.4").head("/whoami");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.method()).isEqualTo("HEAD");
        assertThat(result.bodyBytes()).isEmpty();
    }

    @Test
    void sendsExtraHeaders() throws IOException {
        client("127.0.0.5").get("/whoami", Map.of("X-Probe", "42"));

        assertThat(seenProbeHeaders).containsExactly("42");
    }

    @Test
    void stampsSendAndReceiveTimesInOrder() throws IOException {
        long before = System.nanoTime();
        HttpResult result = client("127.0.0.6").get("/whoami");
        long after = System.nanoTime();

        assertThat(result.sentNanos()).isBetween(before, result.receivedNanos());
        assertThat(result.receivedNanos()).isLessThanOrEqualTo(after);
    }

    @Test
    void readsABodyThatEndsWithTheConnection() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nX-Framing: none\r\n\r\nno length, no chunks";
        try (RawServer raw = new RawServer(response)) {
            HttpResult result = PeerClient.toLoopback("127.0.0.8", raw.port()).get("/anything");

            assertThat(result.body()).isEqualTo("no length, no chunks");
            assertThat(result.header("x-framing")).contains("none");
            assertThat(raw.request()).startsWith("GET /anything HTTP/1.1\r\n").contains("Connection: close\r\n");
        }
    }

    @Test
    void rejectsAMalformedStatusLine() throws Exception {
        try (RawServer raw = new RawServer("SMTP ready\r\n\r\n")) {
            assertThatThrownBy(() -> PeerClient.toLoopback("127.0.0.9", raw.port()).get("/"))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("status line");
        }
    }

    @Test
    void rejectsATruncatedBody() throws Exception {
        try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")) {
            assertThatThrownBy(() -> PeerClient.toLoopback("127.0.0.10", raw.port()).get("/"))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("5 of 10");
        }
    }

    @Test
    void givesUpWhenTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            PeerClient client = PeerClient.toLoopback("127.0.0.11", silent.getLocalPort())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));

            assertThatThrownBy(() -> client.get("/")).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refusesNonLiteralAddressesAndBadTargets() {
        assertThatThrownBy(() -> PeerClient.toLoopback("localhost", 80))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerClient.toLoopback("abc", 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client("127.0.0.2").get("health")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client("127.0.0.2").get("/", Map.of("X-Evil", "a\r\nInjected: 1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PeerClient client(String peer) {
        return PeerClient.toLoopback(peer, server.getAddress().getPort());
    }

    private static void respond(HttpExchange exchange, int status, String body, boolean chunked)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        // HttpServer: length 0 means chunked, -1 means no body.
        exchange.sendResponseHeaders(status, chunked ? 0 : head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Answers one connection with fixed bytes and then closes it, to test framing HttpServer never produces. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        private final CountDownLatch requestRead = new CountDownLatch(1);
        private volatile String request = "";

        RawServer(String response) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> {
                try (Socket connection = socket.accept()) {
                    InputStream in = connection.getInputStream();
                    StringBuilder text = new StringBuilder();
                    while (!text.toString().endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        text.append((char) b);
                    }
                    request = text.toString();
                    requestRead.countDown();
                    connection.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test reports what the client saw
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String request() throws InterruptedException {
            assertThat(requestRead.await(5, TimeUnit.SECONDS)).as("request arrived").isTrue();
            return request;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
