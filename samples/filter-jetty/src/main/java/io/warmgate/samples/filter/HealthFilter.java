package io.warmgate.samples.filter;

import io.warmgate.samples.common.SampleResponse;
import io.warmgate.samples.jetty9.ServletResponses;
import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * The application's health check, answered in a filter that never passes the request on: no servlet ever sees
 * it, as in services that declare their health check as a filter in web.xml. The answer is fixed: healthy on
 * {@code /health}, the application's own "unhealthy" on {@code /sick/health}.
 */
public class HealthFilter implements Filter {

    private final SampleResponse answer;

    public HealthFilter(SampleResponse answer) {
        this.answer = answer;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        ServletResponses.write((HttpServletResponse) response, answer);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
