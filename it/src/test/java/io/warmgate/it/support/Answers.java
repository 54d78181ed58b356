package io.warmgate.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.WarmgateHeader;
import java.util.regex.Pattern;

/** Assertions on single answers, worded after the contract in the design document. */
public final class Answers {

    /** The documented header, checked independently of the simulator's lenient parser. */
    public static final Pattern WELL_FORMED_HEADER =
            Pattern.compile("phase=ramping; percent=(100(\\.0+)?|\\d{1,2}(\\.\\d+)?); bucket=\\d{1,2}");

    private Answers() {
    }

    /** The sample's healthy answer, exactly as the app sends it. */
    public static void assertAppHealthy(HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(200);
        assertThat(result.body()).as("body of %s", result).isEqualTo("UP\n");
        assertThat(result.header("X-Sample-Health")).as("X-Sample-Health of %s", result).contains("app");
        assertNotTouchedByWarmgate(result);
    }

    /** The sample's own unhealthy answer, exactly as the app sends it. */
    public static void assertAppUnhealthy(HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(503);
        assertThat(result.body()).as("body of %s", result).isEqualTo("DOWN\n");
        assertThat(result.header("X-Sample-Health")).as("X-Sample-Health of %s", result).contains("app");
        assertNotTouchedByWarmgate(result);
    }

    public static void assertNotTouchedByWarmgate(HttpResult result) {
        assertThat(result.header(WarmgateHeader.NAME)).as("X-Warmgate header of %s", result).isEmpty();
    }

    /** A denial as the agent documents it: 503, the debug header, a short text body. */
    public static WarmgateHeader assertDeniedByWarmgate(HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(503);
        String header = result.header(WarmgateHeader.NAME).orElseThrow();
        assertThat(header).as("X-Warmgate of %s", result).matches(WELL_FORMED_HEADER);
        assertThat(result.header("Content-Type")).as("Content-Type of %s", result)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(result.body()).as("body of %s", result).startsWith("warmgate:");
        return WarmgateHeader.parse(header).orElseThrow();
    }

    /** A denial as the agent documents it, whose header names the bucket the oracle computes for the peer. */
    public static WarmgateHeader assertDeniedWithTheOraclesBucket(Observation denial) {
        WarmgateHeader header = assertDeniedByWarmgate(denial.result());
        assertThat(header.bucket()).as("bucket in %s", denial).isEqualTo(ExpectedRamp.bucket(denial.peer()));
        return header;
    }
}
