package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business endpoints, backed by the shared cold-sensitive catalog, and a plain status page. Never gated by default. */
@RestController
public class ShopController {

    private final SampleBackend backend = new SampleBackend();

    @GetMapping(SampleEndpoints.ITEMS)
    public ResponseEntity<String> items(
            @RequestParam(name = SampleEndpoints.ITEM_ID_PARAMETER, required = false) String id,
            @RequestHeader(name = SampleEndpoints.WARMUP_HEADER, required = false) String warmupMarker) {
        return ResponseEntities.of(backend.items(id, warmupMarker != null));
    }

    @GetMapping(SampleEndpoints.STATS)
    public ResponseEntity<String> stats() {
        return ResponseEntities.of(backend.stats());
    }

    /** Not a health word: gated only when the agent is configured with {@code paths=/status}. */
    @GetMapping(SampleEndpoints.STATUS)
    public ResponseEntity<String> status() {
        return ResponseEntities.of(SampleResponse.STATUS_OK);
    }
}
