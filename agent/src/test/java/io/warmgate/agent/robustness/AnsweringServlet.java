package io.warmgate.agent.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.GenericServlet;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * A health servlet that answers in {@code service} itself, the method the servlet advice is woven into. The
 * tests weave a copy and load it in an {@link IsolatedBridge}; this class itself stays untouched.
 */
public class AnsweringServlet extends GenericServlet {

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(200);
        http.setHeader("X-Sample-Health", "app");
        http.getOutputStream().write("UP\n".getBytes(StandardCharsets.UTF_8));
    }
}
