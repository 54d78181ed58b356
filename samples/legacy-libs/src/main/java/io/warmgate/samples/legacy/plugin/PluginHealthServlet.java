package io.warmgate.samples.legacy.plugin;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import java.io.IOException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * The plugin's health check. It answers in {@code service(ServletRequest, ServletResponse)} itself, without
 * going through {@code HttpServlet}'s dispatch, as some framework servlets do: whatever an agent does to this
 * request, it has to do in this class.
 */
public class PluginHealthServlet extends PluginBaseServlet {

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("X-Plugin-Deployment", deployment());
        ServletResponses.write(http, SampleResponse.HEALTHY);
    }
}
