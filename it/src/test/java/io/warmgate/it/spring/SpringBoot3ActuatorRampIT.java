package io.warmgate.it.spring;

import io.warmgate.it.RampBehaviour;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;

/**
 * Spring Boot 3.5 (jakarta) with Actuator on the application's port: the load balancer checks the readiness
 * group; the overall health endpoint is gated too, liveness never, and business endpoints are untouched.
 */
class SpringBoot3ActuatorRampIT extends RampBehaviour {

    @Override
    protected String label() {
        return "spring-boot3-ramp";
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT3.start(label(), agentArgs, Map.of());
    }

    @Override
    protected String probedPath() {
        return "/actuator/health/readiness";
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of("/actuator/health");
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(new UngatedPath("/actuator/health/liveness", ActuatorAnswers.UP_BODY_START),
                new UngatedPath("/api/items?id=7", "{"),
                new UngatedPath("/api/stats", "business.requests="));
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        ActuatorAnswers.assertActuatorUp(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(handlerLineWith("spring-actuator health endpoint"),
                handlerLineWith(SpringSamples.DISPATCHER_HANDLER + " path /actuator/health/readiness"),
                handlerLineWith(SpringSamples.DISPATCHER_HANDLER + " path /actuator/health"));
    }
}
