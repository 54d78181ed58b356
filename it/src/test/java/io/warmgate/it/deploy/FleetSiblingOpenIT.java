package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.SiblingStub;
import io.warmgate.testkit.HttpResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One sibling is healthy and open (another is down): the fleet serves, so the instance ramps as usual. */
class FleetSiblingOpenIT extends FleetCheckScenario {

    @Override
    List<SiblingStub> startSiblings() {
        return List.of(SiblingStub.open());
    }

    @Test
    void theRampRunsAndTheHighBucketNodeStaysDenied() {
        // The siblings answer within milliseconds, but on a busy machine the first few checks can still arrive
        // before the verdict: those are answered as without the agent (the application's own 200). Every check
        // after the first denial meets the ramp, which denies this high-bucket node for the whole watch.
        int firstDenial = 0;
        while (firstDenial < checks.size() && checks.get(firstDenial).status() == 200) {
            firstDenial++;
        }
        assertThat(checks.subList(0, firstDenial)).as("before the verdict: the application's own answer")
                .allSatisfy(check -> assertThat(check.header("X-Warmgate")).isEmpty());
        List<HttpResult> afterTheVerdict = checks.subList(firstDenial, checks.size());
        assertThat(afterTheVerdict).isNotEmpty().allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(503);
            assertThat(check.header("X-Warmgate")).hasValueSatisfying(v -> assertThat(v).startsWith("phase=ramping"));
        });
    }

    @Test
    void theLogNamesTheOpenSibling() {
        assertThat(agentLog.containing("fleet check:")).singleElement().satisfies(line -> assertThat(line)
                .contains("a sibling instance is healthy and open", siblings.get(0).address() + " 200",
                        "the ramp starts at the next health check"));
        assertThat(siblings.get(0).fleetChecksReceived()).containsExactly("1");
    }
}
