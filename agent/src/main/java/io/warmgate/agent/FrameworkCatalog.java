package io.warmgate.agent;

import io.warmgate.agent.servlet.ServletInstrumentation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Every framework the agent knows. Adding a framework means adding its package and one line here. */
final class FrameworkCatalog {

    private FrameworkCatalog() {
    }

    static List<HandlerInstrumentation> all() {
        return Collections.unmodifiableList(Arrays.<HandlerInstrumentation>asList(
                ServletInstrumentation.javax(),
                ServletInstrumentation.jakarta()));
    }
}
