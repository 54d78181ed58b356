package io.warmgate.samples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample's endpoints as the integration tests rely on them, in this JVM: the servlet samples' contract, except
 * that {@code /health} is Micronaut management's JSON health endpoint, and {@code /ready} the controller check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautSampleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private EmbeddedServer server;
    private int port;

    @BeforeAll
    void start() {
        server = MicronautSample.start(0, new String[0]);
        port = server.getPort();
        assertThat(port).isPositive();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            MicronautSample.stop(server);
        }
    }

    @Test
    void theManagementHealthEndpointAndItsReadinessSelectorAreUp() throws Exception {
        for (String path : new String[] {"/health", "/health/readiness", "/health/liveness"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void theControllerChecksAnswerAsTheServletSamplesDo() throws Exception {
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("UP\n");
        assertThat(ready.headers().firstValue("X-Sample-Health")).hasValue("app");
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));

        HttpResponse<String> sick = get("/sick/health");
        assertThat(sick.statusCode()).isEqualTo(503);
        assertThat(sick.body()).isEqualTo("DOWN\n");
        assertThat(sick.headers().firstValue("X-Sample-Health")).hasValue("app");

        assertThat(get("/livez").body()).isEqualTo("ALIVE\n");
        assertThat(get("/status").body()).isEqualTo("OK\n");
    }

    @Test
    void theBusinessEndpointsServeTheCatalogAndCountWarmUpRequests() throws Exception {
        HttpResponse<String> item = get("/api/items?id=7");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).startsWith("{");
        assertThat(item.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(get("/api/items?id=nope").statusCode()).isEqualTo(400);

        HttpRequest warmup = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items?id=8"))
                .header("X-Warmgate-Warmup", "1").timeout(TIMEOUT).build();
        assertThat(client.send(warmup, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(get("/api/stats").body()).contains("warmup.requests=1\n");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
