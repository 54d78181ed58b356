package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A health check whose application says it is unhealthy (503 {@code DOWN}); the agent must never turn that into
 * a 200. Mapped through a class-level prefix: {@code /sick} + {@code /health}.
 */
@RestController
@RequestMapping("/sick")
public class SickHealthController {

    @GetMapping("/health")
    public Mono<ResponseEntity<String>> health() {
        return Mono.just(ResponseEntities.of(SampleResponse.UNHEALTHY));
    }
}
