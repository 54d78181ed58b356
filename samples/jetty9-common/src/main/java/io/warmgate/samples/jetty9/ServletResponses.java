package io.warmgate.samples.jetty9;

import io.warmgate.samples.common.SampleResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** Copies a container-neutral {@link SampleResponse} onto a javax servlet response. */
public final class ServletResponses {

    private ServletResponses() {
    }

    public static void write(HttpServletResponse response, SampleResponse answer) throws IOException {
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
