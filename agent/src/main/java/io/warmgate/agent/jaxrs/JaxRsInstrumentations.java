package io.warmgate.agent.jaxrs;

import io.warmgate.agent.HandlerInstrumentation;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;

import java.util.Arrays;
import java.util.List;

/**
 * What the JAX-RS package contributes to the agent: health resource methods in both namespaces, and the request
 * entries of the non-servlet containers Jersey runs on, which supply those methods with the peer's address.
 */
public final class JaxRsInstrumentations {

    private JaxRsInstrumentations() {
    }

    /**
     * @param log   the agent's log, for the "health handler found" lines printed as resource classes load
     * @param paths the configured path rules: a resource method is a health check when they gate its path
     */
    public static List<HandlerInstrumentation> all(AgentLog log, HealthPathMatcher paths) {
        DetectionLog detections = new DetectionLog(log);
        return Arrays.<HandlerInstrumentation>asList(
                JaxRsInstrumentation.javax(paths, detections),
                JaxRsInstrumentation.jakarta(paths, detections),
                JerseyContainerInstrumentation.grizzly(),
                JerseyContainerInstrumentation.jdkHttp());
    }
}
