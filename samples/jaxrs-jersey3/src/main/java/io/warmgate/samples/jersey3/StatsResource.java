package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleBackend;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

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
