package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.SiblingStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole-fleet restart: one sibling is down and the other is ramping itself. No sibling serves every node, so the
 * instance skips its ramp and lets every node in, instead of leaving the nodes it would hold back with no server.
 */
class FleetSiblingsNotOpenIT extends FleetCheckScenario {

    @Override
    List<SiblingStub> startSiblings() {
        return List.of(SiblingStub.ramping());
    }

    @Test
    void theNodeIsNeverDeniedWhileTheFleetIsAskedNorAfter() {
        // While the siblings are asked, checks are answered as without the agent; no sibling serves, so the
        // gate then opens: this high-bucket node never hears "unhealthy" from an instance the fleet needs.
        assertThat(checks).isNotEmpty().allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(200);
            assertThat(check.header("X-Warmgate")).isEmpty();
        });
    }

    @Test
    void theLogSaysWhyWithEverySiblingsAnswer() {
        assertThat(agentLog.containing("fleet check:")).singleElement().satisfies(line -> assertThat(line)
                .contains("no sibling instance is healthy and open", "connection refused", "503 phase=ramping",
                        "the ramp is skipped"));
        assertThat(siblings.get(0).fleetChecksReceived()).containsExactly("1");
        assertThat(agentLog.containing("ramp finished")).as("a skipped ramp does not finish").isEmpty();
    }
}
