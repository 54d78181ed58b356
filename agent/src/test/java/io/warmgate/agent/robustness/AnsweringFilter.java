package io.warmgate.agent.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/** A health filter that answers itself and never passes the request on, as a legacy web.xml health filter does. */
public class AnsweringFilter implements Filter {

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(200);
        http.setHeader("X-Sample-Health", "app");
        http.getOutputStream().write("UP\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
