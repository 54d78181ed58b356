package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A health check whose application says it is unhealthy: the agent must never turn it healthy. */
@Path("/sick")
public class SickHealthResource {

    @GET
    @Path("/health")
    public Response health() {
        return JaxRsResponses.of(SampleResponse.UNHEALTHY);
    }
}
