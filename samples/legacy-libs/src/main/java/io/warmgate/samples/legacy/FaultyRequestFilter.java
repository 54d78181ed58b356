package io.warmgate.samples.legacy;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * Passes requests on in a wrapper that throws from one accessor, the way some security or tracing filters do
 * for calls they do not support. The servlets behind it never call that accessor, so the application works;
 * an agent that calls it must cope.
 */
final class FaultyRequestFilter implements Filter {

    /** Which accessor of the wrapped request throws. */
    enum Fault {
        REQUEST_URI,
        REMOTE_ADDRESS
    }

    private final Fault fault;

    FaultyRequestFilter(Fault fault) {
        this.fault = fault;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to configure
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new FaultyRequest((HttpServletRequest) request, fault), response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    private static final class FaultyRequest extends HttpServletRequestWrapper {

        private final Fault fault;

        FaultyRequest(HttpServletRequest request, Fault fault) {
            super(request);
            this.fault = fault;
        }

        @Override
        public String getRequestURI() {
            if (fault == Fault.REQUEST_URI) {
                throw new UnsupportedOperationException("this request wrapper does not expose the request URI");
            }
            return super.getRequestURI();
        }

        @Override
        public String getRemoteAddr() {
            if (fault == Fault.REMOTE_ADDRESS) {
                throw new UnsupportedOperationException("this request wrapper does not expose the remote address");
            }
            return super.getRemoteAddr();
        }
    }
}
