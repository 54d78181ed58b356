package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.testkit.HttpResult;

/** Micronaut management's own health answers, as the application sends them without the agent. */
public final class MicronautAnswers {

    private MicronautAnswers() {
    }

    /** 200 and a JSON status of UP, untouched by the agent. */
    public static void assertManagementUp(HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(200);
        assertThat(result.header("Content-Type")).as("Content-Type of %s", result)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(result.body()).as("body of %s", result).contains("\"status\":\"UP\"");
        Answers.assertNotTouchedByWarmgate(result);
    }
}
