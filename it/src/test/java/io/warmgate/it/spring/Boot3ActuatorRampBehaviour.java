package io.warmgate.it.spring;

import io.warmgate.it.RampBehaviour;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;

/**
 * {@link RampBehaviour} for the Spring Boot 3.5 samples with Actuator (servlet or WebFlux): every node polls the
 * readiness group, the overall health endpoint is gated too, liveness never, and the application's own answers are
 * Actuator's JSON. Subclasses say which sample, where Actuator lives (its base path and Spring settings, the port)
 * and where the business endpoints are checked.
 */
abstract class Boot3ActuatorRampBehaviour extends RampBehaviour {

    /** The sample's business endpoints: never gated. */
    static final List<UngatedPath> BUSINESS = List.of(new UngatedPath("/api/items?id=7", "{"),
            new UngatedPath("/api/stats", "business.requests="));

    private final SpringSamples springSample;
    private final String label;
    private final String healthPath;
    private final Map<String, String> springProperties;

    /** The servlet sample ({@link SpringSamples#BOOT3}); see the other constructor. */
    Boot3ActuatorRampBehaviour(String label, String healthPath, Map<String, String> springProperties) {
        this(SpringSamples.BOOT3, label, healthPath, springProperties);
    }

    /**
     * @param springSample     which Spring Boot 3 sample
     * @param label            names the sample's log file and the timing report
     * @param healthPath       Actuator's health endpoint, e.g. {@code /actuator/health}
     * @param springProperties Spring Boot settings for the sample
     */
    Boot3ActuatorRampBehaviour(SpringSamples springSample, String label, String healthPath,
                               Map<String, String> springProperties) {
        this.springSample = springSample;
        this.label = label;
        this.healthPath = healthPath;
        this.springProperties = springProperties;
    }

    @Override
    protected String label() {
        return label;
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        return springSample.start(label, agentArgs, springProperties);
    }

    @Override
    protected String probedPath() {
        return healthPath + "/readiness";
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of(healthPath);
    }

    /** Actuator's liveness group, on the same port as the health endpoint. */
    UngatedPath liveness() {
        return new UngatedPath(healthPath + "/liveness", ActuatorAnswers.UP_BODY_START);
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        ActuatorAnswers.assertActuatorUp(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(handlerLineWith(springSample.actuatorHandler()),
                handlerLineWith(springSample.gateHandler() + " path " + probedPath()));
    }
}
