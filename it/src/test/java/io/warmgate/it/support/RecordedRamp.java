package io.warmgate.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ramp as simulated LB nodes saw it: the first health check (which starts the ramp), every answer while
 * the nodes polled until a second past the window, one pass of every node over the given paths after it, and
 * the agent's log.
 *
 * <p>Timing model. C ({@link #firstSent()}) is the client clock just before the first health check was sent,
 * F ({@link #firstReceived()}) the moment its answer arrived. The agent starts its ramp while handling that
 * request, so its start S lies in [C, F].
 */
public record RecordedRamp(Observation first, Recording duringRamp, Recording afterWindow, AgentLog agentLog) {

    /** How often every LB node health-checks, like a fast real checker. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** Spacing of the extra requests sent alongside the checks. */
    public static final Duration SIDE_INTERVAL = Duration.ofMillis(50);
    /** From here, not one of the simulated nodes, so warming up decides nothing for any of them. */
    private static final String WARM_UP_PEER = "127.0.0.1";

    /** C: the client clock just before the first health check was sent. */
    public long firstSent() {
        return first.sentNanos();
    }

    /** F: when the first health check's answer arrived. */
    public long firstReceived() {
        return first.receivedNanos();
    }

    /** True when a check of {@code probedPath} from {@code peer} sent after {@code nanos} was still denied. */
    public boolean deniedAfter(String peer, String probedPath, long nanos) {
        return duringRamp.answers(peer, probedPath).stream()
                .anyMatch(check -> check.deniedByWarmgate() && check.sentNanos() > nanos);
    }

    /** True when a check of {@code probedPath} from {@code peer} had passed the gate before {@code nanos}. */
    public boolean allowedBefore(String peer, String probedPath, long nanos) {
        return duringRamp.answers(peer, probedPath).stream()
                .anyMatch(check -> check.passedTheGate() && check.receivedNanos() < nanos);
    }

    /**
     * Requests {@code paths} three times from a host that is no LB node, so the connector (and a framework that
     * initialises on its first request) is warm before the first health check, whose round trip bounds S.
     */
    public static void warmUp(int port, List<String> paths) {
        for (int i = 0; i < 3; i++) {
            for (String path : paths) {
                assertThat(RampProbe.once(port, WARM_UP_PEER, path).answered()).as("warm-up on %s", path).isTrue();
            }
        }
    }

    /** Which paths the nodes request, and when; {@link #record} plays it. */
    public record Plan(int port, List<String> peers, String probedPath, Duration ramp,
                       List<String> sideOrder, List<String> sidePaths, List<String> afterPaths) {

        /**
         * Every node polls {@code probedPath} every {@link #POLL_INTERVAL}; one more loop walks {@code sidePaths}
         * for each node of {@code sideOrder} in turn, one request every {@link #SIDE_INTERVAL}; after the window
         * every node requests every one of {@code afterPaths} once.
         */
        public RecordedRamp record(SampleProcess sample) {
            return record(sample, () -> { });
        }

        /** As {@link #record(SampleProcess)}, running {@code rightAfterTheFirstCheck} before the nodes poll. */
        public RecordedRamp record(SampleProcess sample, Runnable rightAfterTheFirstCheck) {
            Observation first = RampProbe.once(port, peers.get(0), probedPath);
            assertThat(first.answered()).as("first health check: %s", first).isTrue();
            rightAfterTheFirstCheck.run();
            RampProbe probe = RampProbe.against(port).pollEachPeer(peers, probedPath, POLL_INTERVAL);
            if (!sidePaths.isEmpty()) {
                probe.cycleThrough(sideOrder, sidePaths, SIDE_INTERVAL);
            }
            Recording duringRamp = probe
                    .runUntil(first.receivedNanos() + ramp.toNanos() + TimeUnit.SECONDS.toNanos(1))
                    .plus(List.of(first));
            Recording afterWindow = RampProbe.onePass(port, peers, afterPaths);
            // The agent logs the end of the ramp when the first check after the window arrives.
            sample.awaitStderr(line -> line.contains("ramp finished"), Duration.ofSeconds(5));
            return new RecordedRamp(first, duringRamp, afterWindow, new AgentLog(sample.stderrLines()));
        }
    }
}
