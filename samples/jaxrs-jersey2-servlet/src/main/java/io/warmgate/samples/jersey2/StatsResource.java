package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleBackend;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

/** Request counters: {@code /api/stats}. */
@Path("/api/stats")
public class StatsResource {

    private final SampleBackend backend;

    @Inject
    public StatsResource(SampleBackend backend) {
        this.backend = backend;
    }

    @GET
    public Response stats() {
        return JaxRsResponses.of(backend.stats());
    }
}
