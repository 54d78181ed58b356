package io.warmgate.samples.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.samples.jetty9.EmbeddedJetty9;
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
 * The sample's extra endpoints work on their own, without any agent: the old libraries really run, the
 * faulty request wrapper does not bother the application, and plugins deploy, redeploy and are released.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddCornersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private EmbeddedJetty9 sample;

    @BeforeAll
    void start() throws Exception {
        sample = LegacyLibsSample.start(0);
    }

    @AfterAll
    void stop() throws Exception {
        sample.stop();
    }

    @Test
    void theReportUsesTheBundledOldLibraries() throws Exception {
        HttpResponse<String> response = get(LegacyLibsSample.LEGACY_REPORT + "?name=warmgate");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "byte-buddy 1.10.22\n",
                "guava 23.0\n",
                "startup class: hello from the startup class, generated(greeting)\n",
                "request class: hello from the request class, generated(greeting), own loader true\n",
                "letters of warmgate = [a x 2, e, g, m, r, t, w]\n");
        assertThat(response.body()).containsPattern("murmur3_32\\(warmgate\\) = [0-9a-f]{8}\n");
        assertThat(get(LegacyLibsSample.LEGACY_REPORT + "?name=warmgate").body()).isEqualTo(response.body());
    }

    @Test
    void readinessAnswersWithAndWithoutATrailingSlash() throws Exception {
        for (String path : new String[] {LegacyLibsSample.READY, LegacyLibsSample.READY + "/"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("UP\n");
        }
    }

    @Test
    void healthBehindTheFaultyWrapperAnswersNormally() throws Exception {
        for (String path : new String[] {LegacyLibsSample.FAULTY_URI_HEALTH, LegacyLibsSample.FAULTY_ADDRESS_HEALTH}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("UP\n");
            assertThat(response.headers().firstValue("X-Sample-Health")).as(path).hasValue("app");
        }
    }

    @Test
    void everyPluginAnswersHealthy() throws Exception {
        HttpResponse<String> visible = get(LegacyLibsSample.PLUGIN_HEALTH);
        HttpResponse<String> hidden = get(LegacyLibsSample.HIDDEN_PLUGIN_HEALTH);
        HttpResponse<String> isolated = get(LegacyLibsSample.ISOLATED_PLUGIN_HEALTH);

        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(visible.body()).isEqualTo("UP\n");
        assertThat(visible.headers().firstValue("X-Plugin-Deployment")).hasValueSatisfying(
                deployment -> assertThat(deployment).startsWith("PluginClassLoader[generation "));
        assertThat(hidden.statusCode()).isEqualTo(200);
        assertThat(hidden.headers().firstValue("X-Plugin-Deployment"))
                .hasValue("PluginClassLoader[generation 1, class files hidden]");
        assertThat(isolated.statusCode()).isEqualTo(200);
        assertThat(isolated.body()).isEqualTo("UP\n");
        assertThat(isolated.headers().firstValue("X-Plugin-Deployment"))
                .hasValue("PluginClassLoader[generation 1, imports only]");
    }

    @Test
    void redeployedPluginsAreReleased() throws Exception {
        get(LegacyLibsSample.PLUGIN_HEALTH);
        for (int i = 0; i < 3; i++) {
            assertThat(get(LegacyLibsSample.PLUGIN_RELOAD).body()).startsWith("generation=");
            assertThat(get(LegacyLibsSample.PLUGIN_HEALTH).statusCode()).isEqualTo(200);
        }

        String released = get(LegacyLibsSample.PLUGIN_RELEASED).body();

        assertThat(released).matches("discarded=(\\d+) released=\\1\n");
    }

    @Test
    void aPluginBuiltForANewerJavaIsRefusedByTheJvm() throws Exception {
        HttpResponse<String> response = get(LegacyLibsSample.NEWER_PLUGIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "PluginBaseServlet: refused by the JVM (UnsupportedClassVersionError)\n"
                        + "PluginHealthServlet: refused by the JVM (UnsupportedClassVersionError)\n"
                        + "PluginInfo: refused by the JVM (UnsupportedClassVersionError)\n");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sample.port() + path))
                .timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
