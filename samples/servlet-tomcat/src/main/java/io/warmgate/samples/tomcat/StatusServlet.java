package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A status page whose path holds no health word: gated only when configured explicitly (paths=/status). */
public class StatusServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.STATUS_OK);
    }
}
