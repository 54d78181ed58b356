package io.warmgate.samples.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleBackendTest {

    private final SampleBackend backend = new SampleBackend();

    @Test
    void itemsAnswersJsonForTheRequestedId() {
        SampleResponse response = backend.items("12", false);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body()).startsWith("{\"id\":12,").endsWith("}\n");
    }

    @Test
    void itemsDefaultsToIdOne() {
        assertThat(backend.items(null, false).body()).startsWith("{\"id\":1,");
    }

    @Test
    void itemsRejectsABadIdWithAClientError() {
        SampleResponse response = backend.items("-3", false);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("id must be an integer from 1 to 1000");
    }

    @Test
    void statsCountsBusinessAndWarmupRequests() {
        backend.items("1", false);
        backend.items("2", true);
        backend.items("oops", true);

        SampleResponse stats = backend.stats();

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.contentType()).isEqualTo("text/plain");
        assertThat(stats.body()).isEqualTo("business.requests=3\nwarmup.requests=2\n");
    }

    @Test
    void healthResponsesCarryTheApplicationMarker() {
        assertThat(SampleResponse.HEALTHY.status()).isEqualTo(200);
        assertThat(SampleResponse.HEALTHY.body()).isEqualTo("UP\n");
        assertThat(SampleResponse.UNHEALTHY.status()).isEqualTo(503);
        assertThat(SampleResponse.UNHEALTHY.body()).isEqualTo("DOWN\n");
        assertThat(SampleResponse.HEALTHY.headers()).containsEntry("X-Sample-Health", "app");
        assertThat(SampleResponse.UNHEALTHY.headers()).containsEntry("X-Sample-Health", "app");
        assertThat(SampleResponse.ALIVE.headers()).isEmpty();
    }
}
