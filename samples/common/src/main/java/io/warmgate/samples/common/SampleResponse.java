package io.warmgate.samples.common;

import java.util.Map;

/**
 * A complete HTTP answer in container-neutral form; each sample copies it onto its servlet response.
 *
 * @param status      HTTP status code
 * @param contentType exact Content-Type value
 * @param body        body text (UTF-8 on the wire)
 * @param headers     extra response headers
 */
public record SampleResponse(int status, String contentType, String body, Map<String, String> headers) {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String APPLICATION_JSON = "application/json";

    private static final Map<String, String> FROM_APPLICATION =
            Map.of(SampleEndpoints.HEALTH_SOURCE_HEADER, SampleEndpoints.HEALTH_SOURCE_VALUE);

    public static final SampleResponse HEALTHY = new SampleResponse(200, TEXT_PLAIN, "UP\n", FROM_APPLICATION);
    public static final SampleResponse UNHEALTHY = new SampleResponse(503, TEXT_PLAIN, "DOWN\n", FROM_APPLICATION);
    public static final SampleResponse ALIVE = text(200, "ALIVE\n");
    public static final SampleResponse STATUS_OK = text(200, "OK\n");

    public SampleResponse {
        headers = Map.copyOf(headers);
    }

    public static SampleResponse text(int status, String body) {
        return new SampleResponse(status, TEXT_PLAIN, body, Map.of());
    }

    public static SampleResponse json(int status, String body) {
        return new SampleResponse(status, APPLICATION_JSON, body, Map.of());
    }
}
