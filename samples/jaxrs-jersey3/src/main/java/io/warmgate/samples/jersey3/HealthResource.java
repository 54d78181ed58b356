package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

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
