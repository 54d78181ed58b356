package io.warmgate.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.SiblingStub;
import io.warmgate.testkit.HttpResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The only sibling accepts the connection and never answers. No health check waits for it: the fleet check runs
 * beside the ramp, gives up after its timeout, and then finds no open sibling.
 */
class FleetSiblingHangsIT extends FleetCheckScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Override
    List<SiblingStub> startSiblings() {
        return List.of(SiblingStub.hanging());
    }

    @Override
    List<String> downSiblings() {
        return List.of();
    }

    @Override
    Duration fleetTimeout() {
        return TIMEOUT;
    }

    @Test
    void noHealthCheckWaitsForTheSibling() {
        // Every check while the fleet check is pending (it waits up to the timeout for the answer) is answered
        // in far less than that timeout: a health check never waits for the fleet check.
        HttpResult first = checks.get(0);
        List<HttpResult> whilePending = checks.stream()
                .filter(check -> check.sentNanos() - first.sentNanos() < TIMEOUT.toNanos()).toList();
        assertThat(whilePending).hasSizeGreaterThan(3).allSatisfy(check -> assertThat(millisBetween(check, check))
                .as("round trip of %s", check).isLessThan(TIMEOUT.toMillis() / 2));
        assertThat(siblings.get(0).connectionsHeld()).isEqualTo(1);
    }

    @Test
    void whileTheSiblingIsAwaitedAndAfterItsTimeoutTheNodeIsServed() {
        assertThat(checks).isNotEmpty().allSatisfy(check -> assertThat(check.status()).isEqualTo(200));
        assertThat(agentLog.containing("fleet check:")).singleElement().satisfies(line -> assertThat(line)
                .contains("no answer within 2000 ms", "the ramp is skipped"));
    }
}
