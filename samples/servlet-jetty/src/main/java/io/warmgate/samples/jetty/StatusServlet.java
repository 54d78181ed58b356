package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A status page whose path holds no health word: gated only when configured explicitly (paths=/status). */
public class StatusServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, SampleResponse.STATUS_OK);
    }
}
