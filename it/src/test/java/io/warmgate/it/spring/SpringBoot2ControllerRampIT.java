package io.warmgate.it.spring;

import io.warmgate.it.support.Answers;
import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot 2.7 (javax) with the application's own Spring MVC health controllers, under the context path
 * {@code /shop}: {@code @GetMapping("/health")}, {@code @RequestMapping(path = "/ready", method = GET)} and a
 * class-level prefix ({@code /sick} + {@code /health}) for an endpoint whose application says it is unhealthy.
 * Actuator's readiness group is checked too: the javax flavour of the same DispatcherServlet path.
 */
class SpringBoot2ControllerRampIT extends SpringRampBehaviour {

    private static final String CONTROLLERS = "io.warmgate.samples.boot2.";

    @Override
    String label() {
        return "spring-boot2-ramp";
    }

    @Override
    SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT2.start(label(), agentArgs, Map.of());
    }

    @Override
    String probedPath() {
        return "/shop/health";
    }

    @Override
    List<String> otherGatedPaths() {
        return List.of("/shop/ready", "/shop/actuator/health/readiness");
    }

    @Override
    List<String> ungatedPaths() {
        return List.of("/shop/livez", "/shop/actuator/health/liveness", "/shop/api/items?id=7", "/shop/status");
    }

    @Override
    List<String> unhealthyPaths() {
        return List.of("/shop/sick/health");
    }

    @Override
    void assertAppHealthy(String path, HttpResult result) {
        if (path.contains("/actuator/")) {
            ActuatorAnswers.assertActuatorUp(result);
        } else {
            Answers.assertAppHealthy(result);
        }
    }

    @Override
    void assertAppUnhealthy(String path, HttpResult result) {
        Answers.assertAppUnhealthy(result);
    }

    @Override
    List<String> expectedHandlerLines() {
        return List.of(
                "spring-mvc " + CONTROLLERS + "HealthController#health path /health",
                "spring-mvc " + CONTROLLERS + "HealthController#ready path /ready",
                "spring-mvc " + CONTROLLERS + "SickHealthController#health path /sick/health",
                "spring-actuator health endpoint",
                "servlet org.springframework.web.servlet.DispatcherServlet path /shop/health");
    }

    @Test
    void anUnhealthyAppStaysUnhealthyForEveryone() {
        assertAnUnhealthyAppStaysUnhealthyForEveryone();
    }
}
