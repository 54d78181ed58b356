package io.warmgate.bench.rollout;

import io.warmgate.testkit.FreePorts;
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
 * <p>The fleet that is stopped runs the scenario's own configuration, as a real fleet that is redeployed does: what
 * the agent does at shutdown (its drain, and with a fleet configured its check of the siblings) is part of the
 * restart. The fleet a run leaves behind is reused when the next restart run has the same scenario (warm by then:
 * its window and tail are over, and any ramp has finished); otherwise a fresh fleet is started with the
 * scenario's agent arguments, a ramp of 1 ms (the stopped fleet's ramp is not what is measured), and warmed.
 */
final class FleetRestartFlow implements ScenarioFlow {

    static final List<String> NAMES = List.of("fleet-1", "fleet-2", "fleet-3");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final FlowContext context;
    private List<SampleProcess> running = List.of();
    private List<Integer> ports = List.of();
    /** The scenario whose configuration the running fleet has. */
    private Scenario runningScenario;

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
                    long stopBegan = System.nanoTime();
                    stopAll(running);
                    running = List.of();
                    // The outage of a restart is the stop plus the start: both are printed, so that a difference in
                    // errors between scenarios can be traced to one of them.
                    double stoppedAfter = secondsSince(stopBegan);
                    CompletableFuture<List<SampleProcess>> restarted = startAll("-" + label,
                            index -> context.agentArgs(scenario, siblingsOf(index)), scenario);
                    restarted.thenRun(() -> context.progress().printf(
                            "  the stopped fleet exited after %.1f s; the new one printed its ready lines %.1f s after"
                                    + " the stop began%n", stoppedAfter, secondsSince(stopBegan)));
                    lb.watchUntil(endSecond);
                    running = restarted.join();
                    runningScenario = scenario;
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

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** The other two instances of the fleet, for {@code fleet.peers}. */
    private List<Integer> siblingsOf(int index) {
        List<Integer> siblings = new ArrayList<>(ports);
        siblings.remove(index);
        return siblings;
    }

    /**
     * A warm fleet with the scenario's configuration to restart: the one left by the previous run if it had the same
     * scenario, or a fresh one.
     */
    private void ensureWarmFleet(Scenario scenario) throws InterruptedException {
        if (!running.isEmpty() && running.stream().allMatch(SampleProcess::isAlive) && scenario.equals(runningScenario)) {
            return;
        }
        close();
        ports = FreePorts.pick(NAMES.size());
        context.progress().println("  starting and warming a fleet of three to restart ("
                + (scenario.withAgent() ? "-javaagent:...=" + context.agentArgs(scenario, siblingsOf(0),
                Duration.ofMillis(1)) : "no agent") + ") ...");
        running = startAll("-first", index -> context.agentArgs(scenario, siblingsOf(index), Duration.ofMillis(1)),
                scenario).join();
        runningScenario = scenario;
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
        runningScenario = null;
    }
}
