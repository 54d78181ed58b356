package io.warmgate.samples.legacy;

import io.warmgate.samples.common.SampleResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** Copies a container-neutral {@link SampleResponse} onto a javax servlet response. */
public final class Responses {

    private Responses() {
    }

    public static void write(HttpServletResponse response, SampleResponse answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        // Bytes through the output stream, so Jetty keeps the Content-Type exactly as given (a Writer adds a charset).
        response.setContentType(answer.contentType());
        response.setContentLength(body.length);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.getOutputStream().write(body);
    }
}
