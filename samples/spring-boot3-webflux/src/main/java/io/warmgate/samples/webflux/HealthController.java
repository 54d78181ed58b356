package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The application's own health check, always healthy: an annotated WebFlux handler the agent finds and gates. */
@RestController
public class HealthController {

    @GetMapping(SampleEndpoints.HEALTH)
    public Mono<ResponseEntity<String>> health() {
        return Mono.just(ResponseEntities.of(SampleResponse.HEALTHY));
    }
}
