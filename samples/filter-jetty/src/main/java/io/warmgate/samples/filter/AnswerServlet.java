package io.warmgate.samples.filter;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import java.io.IOException;
import java.util.function.Function;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A servlet that answers GET with what its function makes of the request: the sample's servlet endpoints. */
public class AnswerServlet extends HttpServlet {

    private final transient Function<HttpServletRequest, SampleResponse> answer;

    public AnswerServlet(Function<HttpServletRequest, SampleResponse> answer) {
        this.answer = answer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, answer.apply(request));
    }
}
