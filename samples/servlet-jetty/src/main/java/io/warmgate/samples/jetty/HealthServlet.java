package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The application's own health check, always healthy: the handler the agent is expected to find and gate. */
public class HealthServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.HEALTHY);
    }
}
