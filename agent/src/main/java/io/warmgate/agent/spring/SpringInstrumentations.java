package io.warmgate.agent.spring;

import io.warmgate.agent.HandlerInstrumentation;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;

import java.util.Arrays;
import java.util.List;

/** What the Spring package contributes to the agent: MVC controller and Actuator health endpoint detection. */
public final class SpringInstrumentations {

    private SpringInstrumentations() {
    }

    /**
     * @param log   the agent's log, for the "health handler found" lines
     * @param paths the configured path rules: a controller mapping is reported when they would gate its path
     */
    public static List<HandlerInstrumentation> all(AgentLog log, HealthPathMatcher paths) {
        FoundHandlerLog found = new FoundHandlerLog(log);
        return Arrays.<HandlerInstrumentation>asList(
                new SpringMvcDetection(paths, found),
                new ActuatorHealthDetection(found));
    }
}
