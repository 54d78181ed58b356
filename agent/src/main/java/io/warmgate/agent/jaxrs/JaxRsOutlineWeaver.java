package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.OutlineWeaver;
import io.warmgate.agent.spi.WeaverContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Guards JAX-RS health resource methods in both namespaces ({@link HealthResourceMethods}); each guarded method is
 * also the "health handler found" line. The guard decides only for requests that a non-servlet container
 * captured for it (see {@link JaxRsModule}); on a servlet container the servlet hook has already decided by the
 * request path, so no peer is counted twice.
 */
public final class JaxRsOutlineWeaver implements OutlineWeaver {

    private final List<MethodGuard> guards;

    public JaxRsOutlineWeaver(WeaverContext context) {
        this.guards = Arrays.<MethodGuard>asList(
                new HealthResourceMethods("jax-rs (javax)", "javax", "io.warmgate.agent.jaxrs.JavaxResourceHooks",
                        context.paths()),
                new HealthResourceMethods("jax-rs (jakarta)", "jakarta",
                        "io.warmgate.agent.jaxrs.JakartaResourceHooks", context.paths()));
    }

    @Override
    public List<MethodGuard> guards() {
        return guards;
    }

    @Override
    public List<OutlineDetection> detections() {
        return Collections.emptyList();
    }
}
