package io.warmgate.it.spring;

import io.warmgate.it.RampBehaviour;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.lbsim.HttpResult;
import io.warmgate.lbsim.SampleProcess;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;

/**
 * Spring Boot 3.5 with Actuator on a separate management server ({@code management.server.port}) under a custom
 * base path ({@code management.endpoints.web.base-path=/manage}): the load balancer checks the management port,
 * which is a second embedded Tomcat with a DispatcherServlet of its own. The ramp must work there, liveness on
 * the management port must never be gated, and the business endpoints on the application port stay untouched.
 */
class SpringBoot3ManagementPortIT extends RampBehaviour {

    @Override
    protected String label() {
        return "spring-boot3-management-port";
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        return SpringSamples.BOOT3.start(label(), agentArgs, Map.of(
                "management.server.port", "0",
                "management.endpoints.web.base-path", "/manage"));
    }

    @Override
    protected int healthPort(SampleProcess started) {
        return SpringSamples.managementPort(started);
    }

    @Override
    protected String probedPath() {
        return "/manage/health/readiness";
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of("/manage/health");
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(new UngatedPath("/manage/health/liveness", ActuatorAnswers.UP_BODY_START));
    }

    @Override
    protected List<UngatedPath> ungatedAppPortPaths() {
        return List.of(new UngatedPath("/api/items?id=7", "{"),
                new UngatedPath("/api/stats", "business.requests="));
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        ActuatorAnswers.assertActuatorUp(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(handlerLineWith("spring-actuator health endpoint"),
                handlerLineWith(SpringSamples.DISPATCHER_HANDLER + " path /manage/health/readiness"));
    }
}
