package io.warmgate.samples.jersey3;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Business endpoint backed by the cold-sensitive catalog: {@code /api/items?id=N}. */
@Path("/api/items")
public class ItemsResource {

    private final SampleBackend backend;

    @Inject
    public ItemsResource(SampleBackend backend) {
        this.backend = backend;
    }

    @GET
    public Response item(@QueryParam(SampleEndpoints.ITEM_ID_PARAMETER) String rawId,
                         @HeaderParam(SampleEndpoints.WARMUP_HEADER) String warmupMarker) {
        return JaxRsResponses.of(backend.items(rawId, warmupMarker != null));
    }
}
