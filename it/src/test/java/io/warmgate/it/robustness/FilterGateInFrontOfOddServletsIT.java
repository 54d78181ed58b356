package io.warmgate.it.robustness;

import static io.warmgate.it.robustness.RobustnessSamples.FAULTY_ADDRESS_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.FAULTY_URI_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.HIDDEN_PLUGIN_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.ISOLATED_PLUGIN_HEALTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The legacy sample's odd corners (a request wrapper whose accessors throw, plugin servlets that the agent cannot
 * weave or whose class loader cannot see the bridge) all sit behind a filter. With the filter gate on, as by
 * default, that filter decides each health check with the container's own request before the corner is reached:
 * denied peers get a well-formed denial even where no servlet could be woven, and the agent has nothing to
 * complain about. {@link AgentFailureIT} runs the same corners with the filter gate off, where the servlet advice
 * meets them itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterGateInFrontOfOddServletsIT {

    private static final List<String> ODD_PATHS =
            List.of(FAULTY_URI_HEALTH, FAULTY_ADDRESS_HEALTH, HIDDEN_PLUGIN_HEALTH, ISOLATED_PLUGIN_HEALTH);

    private final List<String> deniedPeers = Peers.deniedDuringLongRamp(3);
    private SampleProcess withAgent;

    @BeforeAll
    void startWithTheFilterGate() {
        withAgent = RobustnessSamples.withAgent(RobustnessSamples.legacyJar(), "legacy-libs-filter-gate",
                "duration=1h");
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(withAgent);
    }

    @Test
    void everyOddCornerIsGatedAtTheFilterInFrontOfIt() {
        for (String path : ODD_PATHS) {
            for (String peer : deniedPeers) {
                HttpResult answer = Exchanges.get(peer, withAgent.port(), path);
                assertThat(Answers.assertDeniedByWarmgate(answer).bucket()).as("%s from %s", path, peer)
                        .isEqualTo(ExpectedRamp.bucket(peer));
            }
        }
        assertThat(AgentFailureIT.flushedAgentLog(withAgent)).as("agent log")
                .noneMatch(line -> line.startsWith("[warmgate] WARN") || line.startsWith("[warmgate] ERROR"));
    }
}
