package io.warmgate.it.spring;

import java.util.Map;

/**
 * DOWN stays DOWN on WebFlux: Actuator's reactive health endpoint and readiness group answer 503 with their JSON to
 * every node the gate lets through, during the ramp and after it, and liveness stays UP, never gated.
 */
class WebFluxDownIT extends UnhealthyActuatorBehaviour {

    WebFluxDownIT() {
        super(SpringSamples.BOOT3_WEBFLUX, "spring-boot3-webflux-down", Unhealthy.DOWN, "/actuator/health", "",
                Map.of());
    }
}
