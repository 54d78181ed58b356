package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.jetty9.ServletResponses;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Business endpoint backed by the cold-sensitive catalog: {@code /api/items?id=N}. */
public class ItemsServlet extends HttpServlet {

    private final transient SampleBackend backend;

    public ItemsServlet(SampleBackend backend) {
        this.backend = backend;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rawId = request.getParameter(SampleEndpoints.ITEM_ID_PARAMETER);
        boolean warmupMarked = request.getHeader(SampleEndpoints.WARMUP_HEADER) != null;
        ServletResponses.write(response, backend.items(rawId, warmupMarked));
    }
}
