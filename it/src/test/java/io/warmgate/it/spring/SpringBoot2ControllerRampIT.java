package io.warmgate.it.spring;

import io.warmgate.it.RampBehaviour;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot 2.7 (javax) with the application's own Spring MVC health controllers, under the context path
 * {@code /shop}: {@code @GetMapping("/health")}, {@code @RequestMapping(path = "/ready", method = GET)} and a
 * class-level prefix ({@code /sick} + {@code /health}) for an endpoint whose application says it is unhealthy.
 * Actuator's readiness group is checked too: the javax flavour of the same DispatcherServlet path.
 */
class SpringBoot2ControllerRampIT extends RampBehaviour {

    private static final String CONTROLLERS = "io.warmgate.samples.boot2.";

    @Override
    protected String label() {
        return "spring-boot2-ramp";
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT2.start(label(), agentArgs, Map.of());
    }

    @Override
    protected String probedPath() {
        return "/shop/health";
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of("/shop/ready", "/shop/actuator/health/readiness");
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(new UngatedPath("/shop/livez", "ALIVE\n"),
                new UngatedPath("/shop/actuator/health/liveness", ActuatorAnswers.UP_BODY_START),
                new UngatedPath("/shop/api/items?id=7", "{"),
                new UngatedPath("/shop/status", "OK\n"));
    }

    @Override
    protected List<String> unhealthyPaths() {
        return List.of("/shop/sick/health");
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        if (path.contains("/actuator/")) {
            ActuatorAnswers.assertActuatorUp(result);
        } else {
            Answers.assertAppHealthy(result);
        }
    }

    @Override
    protected void assertAppUnhealthy(String path, HttpResult result) {
        Answers.assertAppUnhealthy(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(
                handlerLineWith("spring-mvc " + CONTROLLERS + "HealthController#health path /health"),
                handlerLineWith("spring-mvc " + CONTROLLERS + "HealthController#ready path /ready"),
                handlerLineWith("spring-mvc " + CONTROLLERS + "SickHealthController#health path /sick/health"),
                handlerLineWith("spring-actuator health endpoint"),
                handlerLineWith(SpringSamples.DISPATCHER_HANDLER + " path /shop/health"));
    }

    @Test
    void anUnhealthyAppStaysUnhealthyForEveryone() {
        assertAnUnhealthyAppStaysUnhealthyForEveryone();
    }
}
