package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopbackHttpClientTest {

    private static final int READ_TIMEOUT_MILLIS = 5000;

    private static LoopbackHttpClient client(int port, String... commonHeaders) {
        List<HeaderField> headers = new ArrayList<>();
        for (String header : commonHeaders) {
            headers.add(RequestSyntax.parseHeader(header));
        }
        return new LoopbackHttpClient(port, headers, "token-123", 2000);
    }

    @Test
    void sendsAMarkedRequestThatARealServerUnderstands() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.answeringOk()) {
            int status = client(server.port(), "Authorization: Bearer s3cret", "Accept: application/json")
                    .send(RequestSyntax.parseRequestLine("/api/items?id=7"), READ_TIMEOUT_MILLIS);
            assertThat(status).isEqualTo(200);
            RecordingHttpServer.Received request = server.received().get(0);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.target()).isEqualTo("/api/items?id=7");
            assertThat(request.header("X-Warmgate-Warmup")).isEqualTo("token-123");
            assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
            assertThat(request.header("Accept")).isEqualTo("application/json"); // configured beats the default
            assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.port());
            assertThat(request.header("User-Agent")).isEqualTo("warmgate-warmup");
            assertThat(request.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void aRequestsOwnHeadersReplaceCommonOnesAndItsBodyIsSent() throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer(
                request -> new RecordingHttpServer.Answer(201, "created"))) {
            WarmupRequest post = RequestSyntax.parseRequestLine("POST /orders")
                    .withHeader(RequestSyntax.parseHeader("X-Tenant: red"))
                    .withBody("{\"id\":1}".getBytes());
            assertThat(client(server.port(), "X-Tenant: blue", "X-Other: 1").send(post, READ_TIMEOUT_MILLIS))
                    .isEqualTo(201);
            RecordingHttpServer.Received request = server.received().get(0);
            assertThat(request.header("X-Tenant")).isEqualTo("red");
            assertThat(request.header("X-Other")).isEqualTo("1");
            assertThat(request.body()).isEqualTo("{\"id\":1}");
            assertThat(request.header("Content-Length")).isEqualTo("8");
        }
    }

    @Test
    void aBodilessPostStillSaysItsLengthAndHeadGetsNoBody() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.answeringOk()) {
            LoopbackHttpClient client = client(server.port());
            assertThat(client.send(RequestSyntax.parseRequestLine("POST /ping"), READ_TIMEOUT_MILLIS)).isEqualTo(200);
            assertThat(client.send(RequestSyntax.parseRequestLine("HEAD /ping"), READ_TIMEOUT_MILLIS)).isEqualTo(200);
            assertThat(server.received().get(0).header("Content-Length")).isEqualTo("0");
            assertThat(server.received().get(1).header("Content-Length")).isNull();
        }
    }

    @Test
    void theHostHeaderCanBeConfigured() {
        String head = new String(client(8080, "Host: shop.example").requestHead(
                RequestSyntax.parseRequestLine("GET /")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("GET / HTTP/1.1\r\n").contains("\r\nHost: shop.example\r\n")
                .doesNotContain("127.0.0.1").endsWith("Connection: close\r\n\r\n");
    }

    @Test
    void nothingListeningIsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client(closedPort).send(RequestSyntax.parseRequestLine("/"), READ_TIMEOUT_MILLIS))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aServerThatNeverAnswersEndsInAReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            // The connection is accepted by the kernel (backlog) and then nothing is ever written back.
            assertThatThrownBy(() -> client(silent.getLocalPort()).send(RequestSyntax.parseRequestLine("/"), 200))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void proxySettingsNeverRedirectIt() throws Exception {
        AtomicInteger proxyConnections = new AtomicInteger();
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
             RecordingHttpServer server = RecordingHttpServer.answeringOk()) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = proxy.accept()) {
                    proxyConnections.incrementAndGet();
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String[] keys = {"socksProxyHost", "socksProxyPort", "http.proxyHost", "http.proxyPort"};
            String[] saved = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                saved[i] = System.getProperty(keys[i]);
            }
            try {
                System.setProperty("socksProxyHost", "127.0.0.1");
                System.setProperty("socksProxyPort", String.valueOf(proxy.getLocalPort()));
                System.setProperty("http.proxyHost", "127.0.0.1");
                System.setProperty("http.proxyPort", String.valueOf(proxy.getLocalPort()));
                assertThat(client(server.port()).send(RequestSyntax.parseRequestLine("/direct"), READ_TIMEOUT_MILLIS))
                        .isEqualTo(200);
            } finally {
                for (int i = 0; i < keys.length; i++) {
                    if (saved[i] == null) {
                        System.clearProperty(keys[i]);
                    } else {
                        System.setProperty(keys[i], saved[i]);
                    }
                }
            }
            assertThat(server.received()).extracting(RecordingHttpServer.Received::target).containsExactly("/direct");
            assertThat(proxyConnections).hasValue(0);
        }
    }
}
