package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Liveness: the agent never gates it, since a failing liveness probe gets an instance killed. */
@Path("/livez")
public class LivenessResource {

    @GET
    public Response alive() {
        return JaxRsResponses.of(SampleResponse.ALIVE);
    }
}
