package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The application's own health check, always healthy: the handler the agent is expected to find and gate. */
public class HealthServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.HEALTHY);
    }
}
