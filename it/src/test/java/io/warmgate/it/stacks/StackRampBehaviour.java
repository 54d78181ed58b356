package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.ServletRampBehaviour;
import io.warmgate.it.support.GateMBeanClient;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * The servlet samples' ramp promises against one of the {@link StackSample}s, with its second health check
 * ({@value StackSample#SECOND_HEALTH}) gated alongside, and what these stacks add: each health check is decided
 * exactly once, however many filters, servlets and server entries it passes (the gate's own count, read over JMX),
 * and a filter that only passes requests on is never named as a health handler.
 */
abstract class StackRampBehaviour extends ServletRampBehaviour {

    /** Not one of the ramp's peers: it asks once the ramp is over, when every peer is allowed. */
    private static final String LATE_PEER = "127.0.0.99";
    private static final int ROUNDS = 5;

    private final StackSample target;
    private SampleProcess started;

    StackRampBehaviour(StackSample target, double aggression) {
        super(target, aggression);
        this.target = target;
    }

    /** What the "health handler found" lines must name, e.g. {@code filter com.acme.HealthFilter path /health}. */
    protected abstract List<String> expectedHandlers();

    @Override
    protected SampleProcess startSample(String agentArgs) {
        started = super.startSample(agentArgs);
        return started;
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of(target.path(StackSample.SECOND_HEALTH));
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return expectedHandlers().stream().map(StackRampBehaviour::handlerLineWith).toList();
    }

    @Test
    void eachHealthCheckIsDecidedOnceWhateverLayersItPasses() throws Exception {
        List<String> paths = List.of(probedPath(), target.path(StackSample.SECOND_HEALTH));
        PeerClient peer = PeerClient.toLoopback(LATE_PEER, started.port());
        try (GateMBeanClient gate = GateMBeanClient.connect(started)) {
            long before = (Long) gate.read("HealthChecksDecided");
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : paths) {
                    HttpResult answer = peer.get(path);
                    assertAppHealthy(path, answer);
                }
            }
            long decided = (Long) gate.read("HealthChecksDecided") - before;
            assertThat(decided).as("decisions for %d health checks", ROUNDS * paths.size())
                    .isEqualTo(ROUNDS * paths.size());
        }
    }

    @Test
    void filtersThatPassRequestsOnAreNeverNamedAsHandlers() {
        assertThat(agentLog().containing("health handler found: ")).isNotEmpty()
                .noneMatch(line -> line.contains("EncodingFilter"));
    }
}
