package io.warmgate.agent.jaxrs;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/**
 * javax.ws.rs resources for the detection and advice tests. Public, with a public counter: the advice tests load
 * rewritten copies of the nested classes in a class loader of their own, from where package access is not
 * allowed.
 */
public final class JavaxResources {

    private JavaxResources() {
    }

    /** Counts calls, so the advice tests can tell whether the method body ran. */
    public static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    @Path("/health")
    public static class Health {
        @GET
        public Response check() {
            CALLS.incrementAndGet();
            return Response.ok("UP\n").header("X-Sample-Health", "app").build();
        }
    }

    @Path("/status")
    public static class Status {
        @GET
        @Path("ready")
        public String ready() {
            CALLS.incrementAndGet();
            return "READY\n";
        }
    }
}
