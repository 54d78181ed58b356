package io.warmgate.it.spring;

import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot 3.5 (jakarta) with Actuator on the application's port: the load balancer checks the readiness
 * group; the overall health endpoint is gated too, liveness never, and business endpoints are untouched.
 */
class SpringBoot3ActuatorRampIT extends SpringRampBehaviour {

    @Override
    String label() {
        return "spring-boot3-ramp";
    }

    @Override
    SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT3.start(label(), agentArgs, Map.of());
    }

    @Override
    String probedPath() {
        return "/actuator/health/readiness";
    }

    @Override
    List<String> otherGatedPaths() {
        return List.of("/actuator/health");
    }

    @Override
    List<String> ungatedPaths() {
        return List.of("/actuator/health/liveness", "/api/items?id=7", "/api/stats");
    }

    @Override
    void assertAppHealthy(String path, HttpResult result) {
        ActuatorAnswers.assertActuatorUp(result);
    }

    @Override
    List<String> expectedHandlerLines() {
        return List.of("spring-actuator health endpoint",
                "servlet org.springframework.web.servlet.DispatcherServlet path /actuator/health/readiness",
                "servlet org.springframework.web.servlet.DispatcherServlet path /actuator/health");
    }
}
