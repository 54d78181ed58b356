package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleResponse;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/** Liveness: the agent never gates it, since a failing liveness probe gets an instance killed. */
@Path("/livez")
public class LivenessResource {

    @GET
    public Response alive() {
        return JaxRsResponses.of(SampleResponse.ALIVE);
    }
}
