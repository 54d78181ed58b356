package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.testkit.HttpResult;
import java.util.List;

/**
 * Vert.x web: route lambdas on one router, gated where the HTTP server hands each request to the router, with the
 * peer from the connection. {@code /ready} and {@code /sick/ready} are Vert.x's own health-check handler (JSON,
 * answered asynchronously after a handler that passes the request on): gated like the plain routes, decided once,
 * and a DOWN answer stays DOWN for everyone. Aggression 1.5, so a curved ramp is covered on this stack too.
 */
abstract class VertxRampBehaviour extends StackRampBehaviour {

    private static final String READY = StackSample.SECOND_HEALTH;
    private static final String SICK_READY = "/sick/ready";

    VertxRampBehaviour(StackSample vertxSample) {
        super(vertxSample, 1.5);
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("vertx-web io.vertx.ext.web.Router path /health",
                "vertx-web io.vertx.ext.web.Router path /ready");
    }

    @Override
    protected List<String> unhealthyPaths() {
        return List.of("/sick/health", SICK_READY);
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        if (path.equals(READY)) {
            assertHealthCheckHandlersAnswer(result, 200, "UP");
        } else {
            Answers.assertAppHealthy(result);
        }
    }

    @Override
    protected void assertAppUnhealthy(String path, HttpResult result) {
        if (path.equals(SICK_READY)) {
            assertHealthCheckHandlersAnswer(result, 503, "DOWN");
        } else {
            Answers.assertAppUnhealthy(result);
        }
    }

    /** The health-check handler's JSON, behind the sample's handler that marks it as the application's. */
    private static void assertHealthCheckHandlersAnswer(HttpResult result, int status, String outcome) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(status);
        assertThat(result.header("Content-Type")).as("Content-Type of %s", result)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(result.body()).as("body of %s", result).startsWith("{")
                .contains("\"status\":\"" + outcome + "\"", "\"id\":\"catalog\"");
        assertThat(result.header("X-Sample-Health")).as("X-Sample-Health of %s", result).contains("app");
        Answers.assertNotTouchedByWarmgate(result);
    }
}
