package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Liveness probe; the agent must never gate it, or orchestrators would kill a warming instance. */
public class LivenessServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.ALIVE);
    }
}
