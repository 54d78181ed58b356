package io.warmgate.it.spring;

import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot 3.5 with Actuator on a separate management server ({@code management.server.port}) under a custom
 * base path ({@code management.endpoints.web.base-path=/manage}): the load balancer checks the management port,
 * which is a second embedded Tomcat with a DispatcherServlet of its own. The ramp must work there, liveness on
 * the management port must never be gated, and the business endpoints on the application port stay untouched.
 */
class SpringBoot3ManagementPortIT extends SpringRampBehaviour {

    @Override
    String label() {
        return "spring-boot3-management-port";
    }

    @Override
    SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT3.start(label(), agentArgs, Map.of(
                "management.server.port", "0",
                "management.endpoints.web.base-path", "/manage"));
    }

    @Override
    int healthPort(SampleProcess started) {
        return SpringSamples.managementPort(started);
    }

    @Override
    String probedPath() {
        return "/manage/health/readiness";
    }

    @Override
    List<String> otherGatedPaths() {
        return List.of("/manage/health");
    }

    @Override
    List<String> ungatedPaths() {
        return List.of("/manage/health/liveness");
    }

    @Override
    List<String> ungatedAppPortPaths() {
        return List.of("/api/items?id=7", "/api/stats");
    }

    @Override
    void assertAppHealthy(String path, HttpResult result) {
        ActuatorAnswers.assertActuatorUp(result);
    }

    @Override
    List<String> expectedHandlerLines() {
        return List.of("spring-actuator health endpoint",
                "servlet org.springframework.web.servlet.DispatcherServlet path /manage/health/readiness");
    }
}
