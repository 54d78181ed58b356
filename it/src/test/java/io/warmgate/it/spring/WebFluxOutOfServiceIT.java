package io.warmgate.it.spring;

import java.util.Map;

/**
 * OUT_OF_SERVICE stays OUT_OF_SERVICE (Actuator's 503) on WebFlux, on a health endpoint renamed with
 * {@code management.endpoints.web.path-mapping.health=status}: the renamed root is not a health word, so it is gated
 * through {@code paths=/actuator/status}, the documented way; its readiness group by its own last segment.
 */
class WebFluxOutOfServiceIT extends UnhealthyActuatorBehaviour {

    WebFluxOutOfServiceIT() {
        super(SpringSamples.BOOT3_WEBFLUX, "spring-boot3-webflux-out-of-service", Unhealthy.OUT_OF_SERVICE,
                "/actuator/status", "paths=/actuator/status",
                Map.of("management.endpoints.web.path-mapping.health", "status"));
    }
}
