package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleBackend;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Request counters as {@code key=value} lines, so tests can see which requests reached the application. */
public class StatsServlet extends HttpServlet {

    private final transient SampleBackend backend;

    public StatsServlet(SampleBackend backend) {
        this.backend = backend;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, backend.stats());
    }
}
