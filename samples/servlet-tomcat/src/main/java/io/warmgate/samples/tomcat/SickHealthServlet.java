package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A health check whose application reports unhealthy; the agent must never turn it healthy. */
public class SickHealthServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.UNHEALTHY);
    }
}
