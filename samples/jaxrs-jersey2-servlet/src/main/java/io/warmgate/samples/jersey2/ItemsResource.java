package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

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
