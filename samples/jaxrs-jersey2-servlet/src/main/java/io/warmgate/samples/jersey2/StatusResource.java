package io.warmgate.samples.jersey2;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * Two methods in one class, only one of them a health check:
 * <ul>
 *   <li>{@code /status}: "status" is no health word, so it is gated only when configured ({@code paths=/status});</li>
 *   <li>{@code /status/ready}: a readiness check whose path comes from the class and the method together and
 *       whose method returns a plain {@code String}, not a {@code Response}: a denied peer must still get a 503.</li>
 * </ul>
 */
@Path("/status")
public class StatusResource {

    static final String READY_BODY = "READY\n";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String status() {
        return "OK\n";
    }

    @GET
    @Path("ready")
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() {
        return READY_BODY;
    }
}
