package io.warmgate.it.spring;

import io.warmgate.it.support.UngatedPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Condition;

/**
 * Spring Boot 3.5 (jakarta) with Actuator on the application's port: the load balancer checks the readiness
 * group; the overall health endpoint is gated too, liveness never, and business endpoints are untouched.
 */
class SpringBoot3ActuatorRampIT extends Boot3ActuatorRampBehaviour {

    SpringBoot3ActuatorRampIT() {
        super("spring-boot3-ramp", "/actuator/health", Map.of());
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return Stream.concat(Stream.of(liveness()), BUSINESS.stream()).toList();
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return Stream.concat(super.expectedHandlerLines().stream(),
                Stream.of(handlerLineWith(SpringSamples.DISPATCHER_HANDLER + " path /actuator/health"))).toList();
    }
}
