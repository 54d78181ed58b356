package io.warmgate.samples.webflux;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Probes declared as functional routes rather than annotated methods: {@code /ready} (a readiness check, gated)
 * and {@code /livez} (liveness, never gated).
 */
@Configuration(proxyBeanMethods = false)
public class ProbeRoutes {

    static final String READY = "/ready";

    @Bean
    public RouterFunction<ServerResponse> probes() {
        return route()
                .GET(READY, request -> answer(SampleResponse.HEALTHY))
                .GET(SampleEndpoints.LIVENESS, request -> answer(SampleResponse.ALIVE))
                .build();
    }

    private static Mono<ServerResponse> answer(SampleResponse answer) {
        return ServerResponse.status(answer.status()).headers(headers -> headers.addAll(
                ResponseEntities.headersOf(answer))).bodyValue(answer.body());
    }
}
