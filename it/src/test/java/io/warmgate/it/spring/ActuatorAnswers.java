package io.warmgate.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.testkit.HttpResult;

/** Spring Boot Actuator's own health answers, as the application sends them without the agent. */
final class ActuatorAnswers {

    /** How Actuator's healthy JSON answer begins, e.g. on a liveness group that is never gated. */
    static final String UP_BODY_START = bodyStart("UP");

    private ActuatorAnswers() {
    }

    static void assertActuatorUp(HttpResult result) {
        assertActuator(result, 200, "UP");
    }

    /** DOWN and OUT_OF_SERVICE are both 503 in Actuator's default status mapping. */
    static void assertActuatorUnhealthy(HttpResult result, String status) {
        assertActuator(result, 503, status);
    }

    private static void assertActuator(HttpResult result, int code, String status) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(code);
        assertThat(result.header("Content-Type")).as("Content-Type of %s", result)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.spring-boot.actuator"));
        assertThat(result.body()).as("body of %s", result).startsWith(bodyStart(status));
        Answers.assertNotTouchedByWarmgate(result);
    }

    private static String bodyStart(String status) {
        return "{\"status\":\"" + status + "\"";
    }
}
