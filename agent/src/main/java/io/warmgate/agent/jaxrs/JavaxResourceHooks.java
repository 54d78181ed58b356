package io.warmgate.agent.jaxrs;

import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

/**
 * The guard of {@code javax.ws.rs} health resource methods (see {@link io.warmgate.agent.spi.MethodGuard}: the
 * agent copies {@link #enter} into each resource class it guards and calls it first). When a non-servlet container
 * captured the request ({@link CapturedRequest}) and the gate denies its peer, the resource method does not run and
 * the request ends in a {@link WebApplicationException} carrying the 503: that works whatever the method returns
 * ({@code Response}, {@code String}, an entity, {@code void}). JAX-RS answers a {@code WebApplicationException}
 * whose response has an entity with that response as it is, without consulting the application's exception
 * mappers, so the application cannot turn a denial into something else by accident. An allowed peer, or a request
 * that was not captured (servlet containers, where the servlet hook already decided), runs the method untouched.
 *
 * <p>The denial is built before anything is thrown: if building it fails, the method simply runs, as it would
 * without the agent. This source is written once; the build generates its copy for the other JAX-RS namespace,
 * renaming the packages and the class (agent/pom.xml).
 */
public final class JavaxResourceHooks {

    private JavaxResourceHooks() {
    }

    /**
     * @param handler the resource method, e.g. {@code jax-rs (javax) com.acme.Health#check}
     * @return the exception that answers a denied peer, or null to run the resource method
     */
    public static Throwable enter(Object resource, String handler) {
        try {
            HealthRequest request = CapturedRequest.take();
            if (request == null) {
                return null;
            }
            Denial denial = CapturedRequest.decide(request, handler);
            if (denial == null) {
                return null;
            }
            return new WebApplicationException(Response.status(Denial.STATUS)
                    .header(GateBridge.RESPONSE_HEADER, denial.headerValue())
                    .header("Cache-Control", "no-store")
                    .type("text/plain;charset=UTF-8")
                    .entity(denial.body())
                    .build());
        } catch (Throwable failure) {
            GateBridge.failed("jax-rs advice", failure);
            return null;
        }
    }
}
