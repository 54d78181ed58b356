package io.warmgate.samples.boot3;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business endpoints, backed by the shared cold-sensitive catalog. Not health checks: never gated. */
@RestController
public class ShopController {

    private final SampleBackend backend = new SampleBackend();

    @GetMapping(SampleEndpoints.ITEMS)
    public ResponseEntity<String> items(
            @RequestParam(name = SampleEndpoints.ITEM_ID_PARAMETER, required = false) String id,
            @RequestHeader(name = SampleEndpoints.WARMUP_HEADER, required = false) String warmupMarker) {
        return toEntity(backend.items(id, warmupMarker != null));
    }

    @GetMapping(SampleEndpoints.STATS)
    public ResponseEntity<String> stats() {
        return toEntity(backend.stats());
    }

    private static ResponseEntity<String> toEntity(SampleResponse answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(headers::set);
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
