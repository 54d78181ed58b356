package io.warmgate.agent.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** jakarta.ws.rs resources the detection tests look at; none of them is ever served. */
final class JakartaResources {

    private JakartaResources() {
    }

    /** Path on the class only, the method returns a Response. */
    @Path("/healthcheck")
    public static class HealthCheck {
        @GET
        public Response check() {
            return null;
        }

        @POST
        public Response reset() {
            return null;
        }

        @GET
        Response notPublic() {
            return null;
        }
    }

    /** Class path plus method paths; only one method is a health check. */
    @Path("status")
    public static class Status {
        @GET
        @Produces("text/plain")
        public String status() {
            return "OK\n";
        }

        @GET
        @Path("ready")
        public String ready() {
            return "READY\n";
        }

        @GET
        @Path("/{component}/health")
        public String componentHealth() {
            return "UP\n";
        }

        @GET
        @Path("/health/{component}")
        public String healthOfComponent() {
            return "UP\n";
        }

        /** A sub-resource locator: no HTTP method, its path is resolved at run time. */
        @Path("deep/ready")
        public Object locator() {
            return null;
        }
    }

    /** A root path with HEAD and odd slashes. */
    @Path("/")
    public static class Root {
        @HEAD
        @Path("/healthz/")
        public Response headOnly() {
            return null;
        }

        @GET
        @Path("livez")
        public String liveness() {
            return "ALIVE\n";
        }
    }

    /** A business resource: the class must not even be rewritten. */
    @Path("/api/items")
    public static class Items {
        @GET
        public String items() {
            return "[]";
        }
    }

    /** Not a root resource (no class @Path), though a method path looks like a health check. */
    public static class NoClassPath {
        @GET
        @Path("health")
        public String health() {
            return "UP\n";
        }
    }

    /** A resource API shared with clients: the implementation inherits the annotations. */
    public interface ProbeApi {
        @GET
        @Path("ready")
        String ready();

        @GET
        @Path("ready/detail")
        String detail();
    }

    @Path("/probe")
    public static class Probe implements ProbeApi {
        @Override
        public String ready() {
            return "READY\n";
        }

        /** Own JAX-RS annotations win over the inherited ones (here: not a GET any more). */
        @Override
        @POST
        public String detail() {
            return "";
        }
    }

    /** The annotations come from the superclass's method, which this class overrides. */
    public abstract static class BaseProbe {
        @GET
        @Path("health")
        public abstract String health();
    }

    @Path("/inherited")
    public static class InheritedProbe extends BaseProbe {
        @Override
        public String health() {
            return "UP\n";
        }
    }

    /** A client interface annotated with @Path: nothing to instrument. */
    @Path("/health")
    public interface HealthClient {
        @GET
        String health();
    }
}
