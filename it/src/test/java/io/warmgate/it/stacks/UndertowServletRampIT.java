package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Undertow's servlet mode (undertow-servlet, as in WildFly or Spring Boot on Undertow): Undertow's core entry and
 * the servlet support both see each health check, which is decided once, and the servlet is named as its handler.
 */
class UndertowServletRampIT extends StackRampBehaviour {

    UndertowServletRampIT() {
        super(StackSample.UNDERTOW_SERVLET, 1.0);
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("servlet io.warmgate.samples.undertow.AnswerServlet path /health",
                "servlet io.warmgate.samples.undertow.AnswerServlet path /ready");
    }

    @Test
    void undertowsOwnHandlersAreNotNamedWhenAServletAnswers() {
        assertThat(agentLog().containing("health handler found: "))
                .noneMatch(line -> line.contains("health handler found: undertow"));
    }
}
