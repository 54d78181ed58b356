package io.warmgate.samples.legacy;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/**
 * Hands requests under its mapping to the plugin's current servlet. A filter rather than a servlet on purpose:
 * the plugin servlet's own {@code service} method is the first servlet code the request reaches, so whatever
 * an agent does to servlets happens in the plugin's class loader.
 */
final class PluginFilter implements Filter {

    private final PluginHost plugins;

    PluginFilter(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to configure
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        plugins.current().service(request, response);
    }

    @Override
    public void destroy() {
        // the plugin host owns the plugin servlets
    }
}
