package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleResponse;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/** A health check whose application says it is unhealthy: the agent must never turn it healthy. */
@Path("/sick")
public class SickHealthResource {

    @GET
    @Path("/health")
    public Response health() {
        return JaxRsResponses.of(SampleResponse.UNHEALTHY);
    }
}
