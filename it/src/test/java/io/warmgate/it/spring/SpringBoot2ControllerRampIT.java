package io.warmgate.it.spring;

import java.util.List;
import org.assertj.core.api.Condition;

/**
 * Spring Boot 2.7 (javax) with the application's own Spring MVC health controllers, under the context path
 * {@code /shop}: {@code @GetMapping("/health")}, {@code @RequestMapping(path = "/ready", method = GET)} and a
 * class-level prefix ({@code /sick} + {@code /health}) for an endpoint whose application says it is unhealthy.
 * The controllers follow the servlet samples' endpoint contract, so the servlet ramp checks run on them, and
 * Actuator's readiness group is checked too: the javax flavour of the same DispatcherServlet path.
 */
class SpringBoot2ControllerRampIT extends ActuatorBesideControllersBehaviour {

    private static final String CONTROLLERS = "io.warmgate.samples.boot2.";
    private static final String ACTUATOR = "/shop/actuator/";

    SpringBoot2ControllerRampIT() {
        super(SpringSamples.BOOT2.asRampTarget("spring-boot2", "/shop"), ACTUATOR);
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of("/shop/ready", ACTUATOR + "health/readiness");
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
}
