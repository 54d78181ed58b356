package io.warmgate.bench.rollout;

import io.warmgate.bench.BenchSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines one rollout experiment; the same for every scenario.
 *
 * @param repositoryRoot   where the agent and sample jars are built
 * @param outputDirectory  CSV, chart, summary and logs go here
 * @param sample           the cold-sensitive service (three instances of it)
 * @param nodes            how many load-balancer nodes (HAProxy frontend + backend pairs)
 * @param ratePerSecond    total request rate, spread over the nodes
 * @param itemIds          item ids requested, uniformly at random from 1..itemIds
 * @param settle           first part of the load not counted in the steady state (connections opening)
 * @param steady           load before the event (launch, restart, stop), including {@code settle}
 * @param joinWindow       how long the window after the event lasts (for a join: after the new instance's first
 *                         request)
 * @param tail             load kept up after the window; its p99 is the reference every scenario is measured by
 * @param joinTimeout      longest wait for the new instance's first request before the scenario ends anyway
 * @param ramp             the agent's ramp duration, and HAProxy's slowstart duration
 * @param checkInterval    HAProxy health-check interval
 * @param warmupRounds     rounds of the agent's synthetic warm-up (each round requests every item id once)
 * @param sampleProperties extra system properties for all three instances (e.g. the catalog's cold cost)
 * @param jvmFlags         JVM flags for all three instances
 * @param scenarios        which scenarios to run, in order
 * @param haproxy          the HAProxy executable
 * @param seed             seed of the item-id sequence
 * @param repeat           how many times every scenario runs (interleaved: one of each, then again)
 * @param burnIn           load on the shared warm instances before the first scenario
 */
public record RolloutSettings(Path repositoryRoot, Path outputDirectory, BenchSample sample, int nodes,
                              int ratePerSecond, int itemIds, Duration settle, Duration steady, Duration joinWindow,
                              Duration tail, Duration joinTimeout, Duration ramp, Duration checkInterval,
                              int warmupRounds, Map<String, String> sampleProperties, List<String> jvmFlags,
                              List<Scenario> scenarios, String haproxy, long seed, int repeat, Duration burnIn) {

    /** Upper bound of one scenario's load, used to size the recorder and bound the generator. */
    public Duration loadHardLimit() {
        return steady.plus(joinTimeout).plus(joinWindow).plus(tail).plusSeconds(5);
    }
}
