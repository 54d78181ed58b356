package io.warmgate.samples.legacy;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import java.io.IOException;
import java.util.function.Function;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A GET endpoint whose answer a function computes from the request. */
final class AnswerServlet extends HttpServlet {

    private final transient Function<HttpServletRequest, SampleResponse> answer;

    AnswerServlet(Function<HttpServletRequest, SampleResponse> answer) {
        this.answer = answer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, answer.apply(request));
    }
}
