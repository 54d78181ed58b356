package io.warmgate.it.spring;

import java.util.Map;

/**
 * DOWN stays DOWN, on a health endpoint renamed with {@code management.endpoints.web.path-mapping.health=status}.
 * The renamed root is not a health word, so it is gated through {@code paths=/actuator/status}, the documented
 * way; its readiness group ({@code /actuator/status/readiness}) is gated by its own last segment.
 */
class SpringBoot3DownIT extends UnhealthyActuatorBehaviour {

    SpringBoot3DownIT() {
        super("spring-boot3-down", Unhealthy.DOWN, "/actuator/status", "paths=/actuator/status",
                Map.of("management.endpoints.web.path-mapping.health", "status"));
    }
}
