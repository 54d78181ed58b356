package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Business endpoints, backed by the shared cold-sensitive catalog, and a plain status page. Never gated by default.
 * A cold item lookup burns milliseconds of CPU, so it runs off the event loop, as a WebFlux service runs blocking
 * work: health checks sharing the loop are not held up behind it.
 */
@RestController
public class ShopController {

    private final SampleBackend backend = new SampleBackend();

    @GetMapping(SampleEndpoints.ITEMS)
    public Mono<ResponseEntity<String>> items(
            @RequestParam(name = SampleEndpoints.ITEM_ID_PARAMETER, required = false) String id,
            @RequestHeader(name = SampleEndpoints.WARMUP_HEADER, required = false) String warmupMarker) {
        return Mono.fromCallable(() -> ResponseEntities.of(backend.items(id, warmupMarker != null)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(SampleEndpoints.STATS)
    public Mono<ResponseEntity<String>> stats() {
        return Mono.fromCallable(() -> ResponseEntities.of(backend.stats()));
    }

    /** Not a health word: gated only when the agent is configured with {@code paths=/status}. */
    @GetMapping(SampleEndpoints.STATUS)
    public Mono<ResponseEntity<String>> status() {
        return Mono.just(ResponseEntities.of(SampleResponse.STATUS_OK));
    }
}
