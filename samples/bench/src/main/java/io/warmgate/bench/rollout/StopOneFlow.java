package io.warmgate.bench.rollout;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One instance of three is stopped and not restarted: a third instance (with the scenario's agent configuration)
 * is started and warmed, serves with the two warm ones until every node routes to it, then gets SIGTERM under
 * load. Measured: the errors and latency the stop causes, and how long the process takes to exit (an agent that
 * drains makes it longer on purpose).
 */
final class StopOneFlow implements ScenarioFlow {

    static final String LEAVING = "leaving";
    /** The agent's ramp is not what this flow measures: a short one gets the instance fully in quickly. */
    private static final Duration SHORT_RAMP = Duration.ofSeconds(3);
    private static final Duration ALL_UP_LIMIT = Duration.ofSeconds(60);

    private final FlowContext context;

    StopOneFlow(FlowContext context) {
        this.context = context;
    }

    @Override
    public ScenarioResult run(Scenario scenario, int repetition) throws IOException, InterruptedException {
        RolloutSettings settings = context.settings();
        String label = scenario.key() + "-" + repetition;
        int port = FreePorts.pick(1).get(0);
        String agentArgs = context.agentArgs(scenario, List.of(context.warm1().port(), context.warm2().port()),
                SHORT_RAMP);
        try (SampleProcess leaving = context.fleet().start(LEAVING + "-" + label, port, agentArgs,
                scenario)) {
            context.fleet().warm(List.of(leaving), 1);
            String loadBefore = MachineFacts.loadAverage();
            List<HaproxyConfig.Instance> instances = List.of(
                    new HaproxyConfig.Instance(FlowContext.WARM_1, context.warm1().port()),
                    new HaproxyConfig.Instance(FlowContext.WARM_2, context.warm2().port()),
                    new HaproxyConfig.Instance(LEAVING, port));
            try (LbSession lb = LbSession.start(settings, scenario, label, instances, context.workDirectory(),
                    context.progress())) {
                lb.awaitNodes(states -> List.of(FlowContext.WARM_1, FlowContext.WARM_2, LEAVING).stream()
                        .allMatch(name -> lb.nodesWithUp(states, name) == lb.nodeCount()), ALL_UP_LIMIT,
                        "all three instances UP");
                SecondsRecorder recorder = lb.startLoad(LEAVING);
                int stopSecond = (int) settings.steady().toSeconds();
                int endSecond = stopSecond + (int) settings.joinWindow().toSeconds()
                        + (int) settings.tail().toSeconds();
                double exitSeconds;
                try {
                    lb.watchUntil(stopSecond);
                    context.progress().printf("  t=%ds: SIGTERM to pid %d%s%n", stopSecond, leaving.pid(),
                            agentArgs == null ? " (no agent)" : " (agent: " + agentArgs + ")");
                    CompletableFuture<Double> exit = sigterm(leaving.pid());
                    lb.watchUntil(endSecond);
                    exitSeconds = exit.getNow(Double.NaN);
                } finally {
                    lb.stopLoad();
                }
                context.progress().printf("  the stopped process exited after %.1f s%n", exitSeconds);
                Timeline timeline = Timeline.of(scenario.flow(), (int) settings.settle().toSeconds(), stopSecond,
                        -1, (int) settings.joinWindow().toSeconds(), endSecond, (int) settings.tail().toSeconds());
                Summary summary = Summary.of(recorder, timeline, lb.watch().withoutHealthyServer(), exitSeconds);
                return new ScenarioResult(scenario, repetition, stopSecond, -1, recorder.seconds(endSecond),
                        lb.watch().routingToTracked(), lb.watch().withoutHealthyServer(), summary,
                        FlowContext.agentLog(leaving), loadBefore + " -> " + MachineFacts.loadAverage());
            }
        }
    }

    /** Sends SIGTERM (what {@code kill PID} and orchestrators send) and completes with the seconds until exit. */
    private static CompletableFuture<Double> sigterm(long pid) {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("process " + pid + " is already gone"));
        long sent = System.nanoTime();
        CompletableFuture<Double> exited = process.onExit().thenApply(gone -> (System.nanoTime() - sent) / 1e9);
        process.destroy();
        return exited;
    }
}
