package io.warmgate.it.spring;

import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot 3 sample with Actuator on a separate management server ({@code management.server.port}) under a
 * custom base path ({@code management.endpoints.web.base-path=/manage}): the load balancer checks the management
 * port, a second embedded server with a handler chain of its own. The ramp must work there, liveness on the
 * management port must never be gated, and the business endpoints on the application port stay untouched.
 */
abstract class ManagementPortBehaviour extends Boot3ActuatorRampBehaviour {

    ManagementPortBehaviour(SpringSamples springSample, String label) {
        super(springSample, label, "/manage/health", Map.of(
                "management.server.port", "0",
                "management.endpoints.web.base-path", "/manage"));
    }

    @Override
    protected int healthPort(SampleProcess started) {
        return SpringSamples.managementPort(started);
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(liveness());
    }

    @Override
    protected List<UngatedPath> ungatedAppPortPaths() {
        return BUSINESS;
    }
}
