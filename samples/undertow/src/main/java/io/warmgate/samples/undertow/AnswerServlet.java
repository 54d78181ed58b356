package io.warmgate.samples.undertow;

import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** A servlet that answers GET with what its function makes of the request: every endpoint in servlet mode. */
public class AnswerServlet extends HttpServlet {

    private final transient Function<HttpServletRequest, SampleResponse> answer;

    public AnswerServlet(Function<HttpServletRequest, SampleResponse> answer) {
        this.answer = answer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SampleResponse reply = answer.apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reply.status());
        // Bytes through the output stream keep the Content-Type exactly as given (a Writer adds a charset).
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.getOutputStream().write(body);
    }
}
