package io.warmgate.bench.rollout;

import io.warmgate.bench.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The whole fleet restarts: three warm instances serve under load, all three are stopped together and started
 * again cold on the same ports (with the scenario's agent configuration), under the same load.
 *
 * <p>Warming three instances costs tens of CPU seconds with the calibrated cold cost, so the fleet that a run
 * restarts is the one the previous restart left behind, warm by then (its window and tail are over, and any
 * agent ramp has finished, so it answers like a fleet without the agent). Only the first run, or a run after a
 * failure, starts and warms a fresh fleet without the agent.
 */
final class FleetRestartFlow implements ScenarioFlow {

    static final List<String> NAMES = List.of("fleet-1", "fleet-2", "fleet-3");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final FlowContext context;
    private List<SampleProcess> running = List.of();
    private List<Integer> ports = List.of();

    FleetRestartFlow(FlowContext context) {
        this.context = context;
    }

    @Override
    public ScenarioResult run(Scenario scenario, int repetition) throws IOException, InterruptedException {
        RolloutSettings settings = context.settings();
        String label = scenario.key() + "-" + repetition;
        boolean succeeded = false;
        try {
            ensureWarmFleet(scenario);
            String loadBefore = MachineFacts.loadAverage();
            List<HaproxyConfig.Instance> instances = new ArrayList<>();
            for (int i = 0; i < NAMES.size(); i++) {
                instances.add(new HaproxyConfig.Instance(NAMES.get(i), ports.get(i)));
            }
            try (LbSession lb = LbSession.start(settings, scenario, label, instances, context.workDirectory(),
                    context.progress())) {
                lb.awaitNodes(states -> NAMES.stream().allMatch(name -> lb.nodesWithUp(states, name)
                        == lb.nodeCount()), null, "all three instances UP");
                SecondsRecorder recorder = lb.startLoad("");
                int restartSecond = (int) settings.steady().toSeconds();
                int endSecond = restartSecond + (int) settings.joinWindow().toSeconds()
                        + (int) settings.tail().toSeconds();
                List<String> agentLog;
                try {
                    lb.watchUntil(restartSecond);
                    context.progress().printf("  t=%ds: stopping all three instances and starting them again%s%n",
                            restartSecond, scenario.withAgent() ? " with -javaagent:...="
                                    + context.agentArgs(scenario, siblingsOf(0)) : " (no agent)");
                    stopAll(running);
                    running = List.of();
                    CompletableFuture<List<SampleProcess>> restarted = startAll("-" + label,
                            index -> context.agentArgs(scenario, siblingsOf(index)), scenario);
                    lb.watchUntil(endSecond);
                    running = restarted.join();
                    agentLog = FlowContext.agentLog(running.get(0));
                } finally {
                    lb.stopLoad();
                }
                Timeline timeline = Timeline.of(scenario.flow(), (int) settings.settle().toSeconds(), restartSecond,
                        -1, (int) settings.joinWindow().toSeconds(), endSecond, (int) settings.tail().toSeconds());
                Summary summary = Summary.of(recorder, timeline, lb.watch().withoutHealthyServer(), Double.NaN);
                succeeded = true;
                return new ScenarioResult(scenario, repetition, restartSecond, -1, recorder.seconds(endSecond),
                        lb.watch().routingToTracked(), lb.watch().withoutHealthyServer(), summary, agentLog,
                        loadBefore + " -> " + MachineFacts.loadAverage());
            }
        } catch (CompletionException e) {
            throw new IllegalStateException("the restarted fleet did not start: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            if (!succeeded) {
                close(); // the next run starts from a fresh fleet rather than from one in an unknown state
            }
        }
    }

    /** The other two instances of the fleet, for {@code fleet.peers}. */
    private List<Integer> siblingsOf(int index) {
        List<Integer> siblings = new ArrayList<>(ports);
        siblings.remove(index);
        return siblings;
    }

    /** A warm fleet to restart: the one left by the previous run, or a fresh one with the scenario's properties. */
    private void ensureWarmFleet(Scenario scenario) throws InterruptedException {
        if (!running.isEmpty() && running.stream().allMatch(SampleProcess::isAlive)) {
            return;
        }
        close();
        ports = FreePorts.pick(NAMES.size());
        context.progress().println("  starting and warming a fleet of three (no agent) to restart ...");
        running = startAll("-first", index -> null, scenario).join();
        context.fleet().warm(running, 1);
    }

    /** Starts the three instances at once, with the scenario's system properties; agent arguments by index. */
    private CompletableFuture<List<SampleProcess>> startAll(String suffix, IntFunction<String> agentArgs,
                                                            Scenario scenario) {
        List<CompletableFuture<SampleProcess>> starting = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            int index = i;
            String args = agentArgs.apply(index);
            starting.add(CompletableFuture.supplyAsync(() -> context.fleet().start(NAMES.get(index) + suffix,
                    ports.get(index), args, scenario), FlowContext.BLOCKING));
        }
        return CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new))
                .orTimeout(START_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        // stop the ones that did start, so no instance outlives a failed run
                        starting.forEach(future -> future.thenAccept(SampleProcess::close));
                    }
                })
                .thenApply(ignored -> starting.stream().map(CompletableFuture::join).toList());
    }

    /** Stops the instances together (SIGTERM to all, then waits), as a deploy that replaces a whole fleet does. */
    private static void stopAll(List<SampleProcess> instances) {
        CompletableFuture.allOf(instances.stream().map(instance -> CompletableFuture.runAsync(instance::close,
                FlowContext.BLOCKING))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        stopAll(running);
        running = List.of();
    }
}
