package io.warmgate.agent;

import io.warmgate.agent.jaxrs.JaxRsInstrumentations;
import io.warmgate.agent.servlet.ServletInstrumentation;
import io.warmgate.agent.spring.SpringInstrumentations;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Every framework the agent knows. Adding a framework means adding its package and one line here. */
final class FrameworkCatalog {

    private FrameworkCatalog() {
    }

    /**
     * @param log   the agent's log: detection-only frameworks report the handlers they find as classes load
     * @param paths the configured path rules, which decide what counts as a health handler
     */
    static List<HandlerInstrumentation> all(AgentLog log, HealthPathMatcher paths) {
        List<HandlerInstrumentation> all = new ArrayList<HandlerInstrumentation>(Arrays.<HandlerInstrumentation>asList(
                ServletInstrumentation.javax(),
                ServletInstrumentation.jakarta()));
        all.addAll(SpringInstrumentations.all(log, paths));
        all.addAll(JaxRsInstrumentations.all(log, paths));
        return Collections.unmodifiableList(all);
    }
}
