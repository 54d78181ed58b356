package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleResponse;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/**
 * The application's own health check, always healthy: the resource method the agent is expected to find and
 * gate. The path is on the class only; the method returns a {@link Response}.
 */
@Path("/health")
public class HealthResource {

    @GET
    public Response check() {
        return JaxRsResponses.of(SampleResponse.HEALTHY);
    }
}
