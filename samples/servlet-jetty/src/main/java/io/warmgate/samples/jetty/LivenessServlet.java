package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Liveness probe; the agent must never gate it, or orchestrators would kill a warming instance. */
public class LivenessServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.ALIVE);
    }
}
