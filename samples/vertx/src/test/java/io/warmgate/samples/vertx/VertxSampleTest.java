package io.warmgate.samples.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.samples.common.SampleContractTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared endpoint contract against the Vert.x sample, in this JVM, and checks what only this sample has:
 * the health-check handler's JSON on {@value Routes#READY} and {@value Routes#SICK_READY}, marked as the
 * application's answer by the handler in front of it.
 */
class VertxSampleTest extends SampleContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private int port;

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        VertxSample sample = VertxSample.start(0);
        port = sample.port();
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return "";
    }

    @Test
    void readyIsTheHealthCheckHandlersUpAnswer() throws Exception {
        HttpResponse<String> response = get(Routes.READY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Sample-Health")).hasValue("app");
        assertThat(response.body()).contains("\"status\":\"UP\"", "\"id\":\"catalog\"");
    }

    @Test
    void sickReadyIsTheHealthCheckHandlersDownAnswer() throws Exception {
        HttpResponse<String> response = get(Routes.SICK_READY);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("X-Sample-Health")).hasValue("app");
        assertThat(response.body()).contains("\"status\":\"DOWN\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
