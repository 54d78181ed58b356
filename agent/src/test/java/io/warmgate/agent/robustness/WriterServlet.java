package io.warmgate.agent.robustness;

import java.io.IOException;
import javax.servlet.GenericServlet;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * A health servlet that writes its answer through the response's writer and leaves the status at its default,
 * as most hand-written servlets and JSPs do. Woven by the tests like {@link AnsweringServlet}.
 */
public class WriterServlet extends GenericServlet {

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
        ((HttpServletResponse) response).setHeader("X-Sample-Health", "app");
        response.getWriter().write("UP\n");
        response.getWriter().flush();
    }
}
