package io.warmgate.samples.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The endpoint contract every sample server must honour, because the integration tests and the demo rely on
 * it. Each server module extends this class and says how to start its server; the checks are shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SampleContractTest {

    /** A started sample server: the port it bound and how to stop it. */
    public record RunningSample(int port, SampleServer.StopAction stop) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * A 200 with the healthy body to the raw HTTP/1.0 request: Jetty and Tomcat answer "HTTP/1.1", Undertow
     * answers in the request's version.
     */
    private static final String ANSWERED_UP = "(?s)HTTP/1\\.[01] 200 .*UP\n";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private RunningSample sample;

    /** Starts the server under test on an ephemeral port (sample.port=0). */
    protected abstract RunningSample startOnEphemeralPort() throws Exception;

    /** The context path the endpoints live under: "/shop" or "" for the root context. */
    protected abstract String contextPath();

    @BeforeAll
    void startSample() throws Exception {
        sample = startOnEphemeralPort();
        assertThat(sample.port()).isPositive();
    }

    @AfterAll
    void stopSample() throws Exception {
        if (sample != null) {
            sample.stop().stop();
        }
    }

    @Test
    void healthIsUpAndMarkedAsTheApplicationsAnswer() throws Exception {
        HttpResponse<String> response = get(SampleEndpoints.HEALTH, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("UP\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Sample-Health")).hasValue("app");
    }

    @Test
    void sickHealthIsDownAndMarkedAsTheApplicationsAnswer() throws Exception {
        HttpResponse<String> response = get(SampleEndpoints.SICK_HEALTH, Map.of());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("DOWN\n");
        assertThat(response.headers().firstValue("X-Sample-Health")).hasValue("app");
    }

    @Test
    void livenessAndStatusAnswerPlainText() throws Exception {
        HttpResponse<String> liveness = get(SampleEndpoints.LIVENESS, Map.of());
        HttpResponse<String> status = get(SampleEndpoints.STATUS, Map.of());

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("ALIVE\n");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("OK\n");
    }

    @Test
    void headOnHealthSendsHeadersWithoutBody() throws Exception {
        HttpRequest head = HttpRequest.newBuilder(uri(SampleEndpoints.HEALTH))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build();

        HttpResponse<String> response = client.send(head, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Sample-Health")).hasValue("app");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void itemsAnswerJsonForTheRequestedIdAndDefaultToOne() throws Exception {
        HttpResponse<String> item = get(SampleEndpoints.ITEMS + "?id=42", Map.of());
        HttpResponse<String> defaultItem = get(SampleEndpoints.ITEMS, Map.of());

        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(item.body()).startsWith("{\"id\":42,").contains("\"fingerprint\":\"");
        assertThat(defaultItem.body()).startsWith("{\"id\":1,");
    }

    @Test
    void itemsRejectAnUnknownId() throws Exception {
        assertThat(get(SampleEndpoints.ITEMS + "?id=1001", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void statsCountBusinessAndWarmupRequests() throws Exception {
        Map<String, Long> before = stats();

        get(SampleEndpoints.ITEMS + "?id=3", Map.of());
        get(SampleEndpoints.ITEMS + "?id=4", Map.of(SampleEndpoints.WARMUP_HEADER, "1"));
        Map<String, Long> after = stats();

        assertThat(after.get("business.requests") - before.get("business.requests")).isEqualTo(2);
        assertThat(after.get("warmup.requests") - before.get("warmup.requests")).isEqualTo(1);
    }

    @Test
    void acceptsClientsOnAnyLoopbackAddress() throws Exception {
        // Integration tests play several load-balancer nodes by binding their sockets to 127.0.0.N.
        assertThat(rawGet(InetAddress.getByName("127.0.0.5"), InetAddress.getByName("127.0.0.1")))
                .matches(ANSWERED_UP);
    }

    @Test
    void acceptsIpv6LoopbackClients() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        Assumptions.assumeTrue(canBind(ipv6Loopback), "this host has no IPv6 loopback");

        assertThat(rawGet(ipv6Loopback, ipv6Loopback)).matches(ANSWERED_UP);
    }

    private Map<String, Long> stats() throws Exception {
        HttpResponse<String> response = get(SampleEndpoints.STATS, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Long> counters = new HashMap<>();
        for (String line : response.body().split("\n")) {
            String[] keyAndValue = line.split("=", 2);
            counters.put(keyAndValue[0], Long.parseLong(keyAndValue[1]));
        }
        assertThat(counters).containsKeys("business.requests", "warmup.requests");
        return counters;
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sample.port() + contextPath() + path);
    }

    /** One HTTP/1.0 GET of the health endpoint over a socket bound to {@code from}; returns the raw response. */
    private String rawGet(InetAddress from, InetAddress to) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(to, sample.port()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + contextPath() + SampleEndpoints.HEALTH + " HTTP/1.0\r\nHost: sample\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static boolean canBind(InetAddress address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
