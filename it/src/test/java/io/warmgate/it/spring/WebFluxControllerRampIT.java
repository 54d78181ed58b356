package io.warmgate.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot 3.5 WebFlux on Reactor Netty under {@code spring.webflux.base-path=/shop}, with the servlet samples'
 * endpoint contract served the WebFlux ways: {@code /health} and {@code /sick/health} (unhealthy) by annotated
 * controllers, {@code /ready} and {@code /livez} by functional routes, business endpoints by a controller. The
 * servlet ramp checks run on them, and Actuator's reactive readiness group and health endpoint under the base path
 * are gated alongside, its liveness group never.
 */
class WebFluxControllerRampIT extends ActuatorBesideControllersBehaviour {

    private static final String BASE_PATH = "/shop";
    private static final String CONTROLLERS = "io.warmgate.samples.webflux.";
    private static final String ACTUATOR = BASE_PATH + "/actuator/";

    WebFluxControllerRampIT() {
        super(SpringSamples.BOOT3_WEBFLUX.asRampTarget("spring-boot3-webflux", BASE_PATH,
                Map.of("spring.webflux.base-path", BASE_PATH)), ACTUATOR);
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of(BASE_PATH + "/ready", ACTUATOR + "health/readiness", ACTUATOR + "health");
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(
                handlerLineWith("spring-webflux " + CONTROLLERS + "HealthController#health path /health"),
                handlerLineWith("spring-webflux " + CONTROLLERS + "SickHealthController#health path /sick/health"),
                handlerLineWith(SpringSamples.WEBFLUX_ACTUATOR_HANDLER),
                handlerLineWith(SpringSamples.WEBFLUX_HANDLER + " path " + BASE_PATH + "/health"),
                // A functional route is named by the gate at its first health check, not as classes load.
                handlerLineWith(SpringSamples.WEBFLUX_HANDLER + " path " + BASE_PATH + "/ready"));
    }

    /** Each found once, as WebFlux handlers: nothing is reported as Spring MVC or as a servlet. */
    @Test
    void handlersAreReportedOnceAsWebFluxAndNeverAsSpringMvc() {
        List<String> found = agentLog().containing("health handler found: ");
        assertThat(agentLog().containing("spring-webflux " + CONTROLLERS + "HealthController#health path /health"))
                .hasSize(1);
        assertThat(agentLog().containing(SpringSamples.WEBFLUX_ACTUATOR_HANDLER)).hasSize(1);
        assertThat(found).as("agent log\n%s", agentLog())
                .noneMatch(line -> line.contains("spring-mvc") || line.contains("servlet ")
                        || line.contains(SpringSamples.ACTUATOR_HANDLER))
                .noneMatch(line -> line.endsWith(" path " + BASE_PATH + "/livez") || line.contains("health/liveness"));
    }
}
