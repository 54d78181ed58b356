package io.warmgate.it.spring;

import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot 3.5 with Actuator on a separate management server ({@code management.server.port}) under a custom
 * base path ({@code management.endpoints.web.base-path=/manage}): the load balancer checks the management port,
 * which is a second embedded Tomcat with a DispatcherServlet of its own. The ramp must work there, liveness on
 * the management port must never be gated, and the business endpoints on the application port stay untouched.
 */
class SpringBoot3ManagementPortIT extends Boot3ActuatorRampBehaviour {

    SpringBoot3ManagementPortIT() {
        super("spring-boot3-management-port", "/manage/health", Map.of(
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
