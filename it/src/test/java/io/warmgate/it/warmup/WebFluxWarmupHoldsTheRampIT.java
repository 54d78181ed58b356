package io.warmgate.it.warmup;

import io.warmgate.it.spring.SpringSamples;
import io.warmgate.testkit.SampleProcess;
import java.util.Map;

/**
 * The warm-up of {@link WarmupHoldsTheRampIT} on Spring Boot 3 WebFlux (Reactor Netty) under
 * {@code spring.webflux.base-path=/shop}: the warm-up goes to the port the first health check arrived on, as
 * Reactor Netty reports it, its requests reach the cold business endpoint (counted by the sample), its own health
 * checks pass the gate, every node is denied until it ends, and the ramp runs from its end.
 */
class WebFluxWarmupHoldsTheRampIT extends WarmupHoldsTheRampIT {

    @Override
    SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT3_WEBFLUX.start("spring-boot3-webflux-warmup", agentArgs,
                Map.of("spring.webflux.base-path", "/shop"));
    }
}
