package io.warmgate.it.spring;

import java.util.Map;

/**
 * DOWN stays DOWN, on a health endpoint renamed with {@code management.endpoints.web.path-mapping.health=status}.
 * The renamed root is not a health word, so it is gated through {@code paths=/actuator/status}, the documented
 * way; its readiness group ({@code /actuator/status/readiness}) is gated by its own last segment.
 */
class SpringBoot3DownIT extends UnhealthyActuatorBehaviour {

    @Override
    String label() {
        return "spring-boot3-down";
    }

    @Override
    String healthSetting() {
        return "down";
    }

    @Override
    String actuatorStatus() {
        return "DOWN";
    }

    @Override
    String healthPath() {
        return "/actuator/status";
    }

    @Override
    String extraAgentArgs() {
        return "paths=/actuator/status";
    }

    @Override
    Map<String, String> springProperties() {
        return Map.of("management.endpoints.web.path-mapping.health", "status");
    }
}
