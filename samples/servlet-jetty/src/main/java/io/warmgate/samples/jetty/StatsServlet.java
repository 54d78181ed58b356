package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.jetty9.ServletResponses;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
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
