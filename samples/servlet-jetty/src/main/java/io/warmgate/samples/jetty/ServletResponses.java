package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleResponse;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Copies a container-neutral {@link SampleResponse} onto a javax servlet response. */
final class ServletResponses {

    private ServletResponses() {
    }

    static void write(HttpServletResponse response, SampleResponse answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        // Written as bytes through the output stream, so the container keeps the Content-Type exactly as given
        // instead of appending a charset (as it does when a Writer is used).
        response.setContentType(answer.contentType());
        response.setContentLength(body.length);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.getOutputStream().write(body);
    }
}
