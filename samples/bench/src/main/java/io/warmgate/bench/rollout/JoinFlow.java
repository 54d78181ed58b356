package io.warmgate.bench.rollout;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cold instance joins: HAProxy in front of the two warm instances and a third that does not run yet; steady
 * load; the third instance's launch (with the scenario's agent configuration); load until the window after its
 * first answered request and the tail are over. The third instance is stopped at the end, also on failure.
 */
final class JoinFlow implements ScenarioFlow {

    static final String NEW = "new";

    private final FlowContext context;

    JoinFlow(FlowContext context) {
        this.context = context;
    }

    @Override
    public ScenarioResult run(Scenario scenario, int repetition) throws IOException, InterruptedException {
        RolloutSettings settings = context.settings();
        String loadBefore = MachineFacts.loadAverage();
        int newPort = FreePorts.pick(1).get(0);
        List<HaproxyConfig.Instance> instances = List.of(
                new HaproxyConfig.Instance(FlowContext.WARM_1, context.warm1().port()),
                new HaproxyConfig.Instance(FlowContext.WARM_2, context.warm2().port()),
                new HaproxyConfig.Instance(NEW, newPort));
        String label = scenario.key() + "-" + repetition;
        CompletableFuture<SampleProcess> joining = null;
        try (LbSession lb = LbSession.start(settings, scenario, label, instances, context.workDirectory(),
                context.progress())) {
            lb.awaitNodes(states -> lb.nodesWithUp(states, FlowContext.WARM_1) == lb.nodeCount()
                    && lb.nodesWithUp(states, FlowContext.WARM_2) == lb.nodeCount()
                    && lb.nodesWithUp(states, NEW) == 0, null, "both warm instances UP and the new one DOWN");
            SecondsRecorder recorder = lb.startLoad(NEW);
            int launchSecond = (int) settings.steady().toSeconds();
            int endSecond;
            try {
                lb.watchUntil(launchSecond);
                String agentArgs = context.agentArgs(scenario,
                        List.of(context.warm1().port(), context.warm2().port()));
                context.progress().printf("  t=%ds: launching the third instance%s%n", launchSecond,
                        agentArgs == null ? " (no agent)" : " with -javaagent:...=" + agentArgs);
                joining = CompletableFuture.supplyAsync(() -> context.fleet().start("new-" + label, newPort,
                        agentArgs, scenario), FlowContext.BLOCKING);
                endSecond = watchJoin(lb, recorder, launchSecond, joining);
            } finally {
                lb.stopLoad();
            }
            List<String> agentLog = stop(joining);
            int firstTraffic = recorder.firstSecondWithNewInstanceTraffic();
            Timeline timeline = Timeline.of(scenario.flow(), (int) settings.settle().toSeconds(), launchSecond,
                    firstTraffic, (int) settings.joinWindow().toSeconds(), endSecond,
                    (int) settings.tail().toSeconds());
            Summary summary = Summary.of(recorder, timeline, lb.watch().withoutHealthyServer(), Double.NaN);
            return new ScenarioResult(scenario, repetition, launchSecond, firstTraffic, recorder.seconds(endSecond),
                    lb.watch().routingToTracked(), lb.watch().withoutHealthyServer(), summary, agentLog,
                    loadBefore + " -> " + MachineFacts.loadAverage());
        } finally {
            if (joining != null) {
                // Also when the run failed half-way: the instance is stopped as soon as it has started.
                joining.thenAccept(SampleProcess::close);
            }
        }
    }

    /** Follows the join until the window and the tail are over (or the new instance never took traffic). */
    private int watchJoin(LbSession lb, SecondsRecorder recorder, int launchSecond,
                          CompletableFuture<SampleProcess> joining) throws InterruptedException {
        RolloutSettings settings = context.settings();
        int window = (int) settings.joinWindow().toSeconds();
        int tail = (int) settings.tail().toSeconds();
        int giveUp = launchSecond + (int) settings.joinTimeout().toSeconds();
        boolean reported = false;
        while (true) {
            if (joining.isCompletedExceptionally()) {
                return lb.now(); // stop() reports why it did not start
            }
            lb.sampleNodes();
            int now = lb.now();
            int firstTraffic = recorder.firstSecondWithNewInstanceTraffic();
            if (firstTraffic >= 0 && !reported) {
                reported = true;
                context.progress().printf("  t=%ds: first request answered by the new instance (%d s after launch)%n",
                        firstTraffic, firstTraffic - launchSecond);
            }
            if (firstTraffic < 0 && now >= giveUp) {
                context.progress().printf("  the new instance took no traffic within %d s of its launch%n",
                        giveUp - launchSecond);
                return now;
            }
            int end = firstTraffic >= 0 ? firstTraffic + window + tail : giveUp + window + tail;
            if (now >= end || now >= recorder.capacitySeconds() - 1) {
                return Math.min(end, recorder.capacitySeconds());
            }
            Thread.sleep(1_000);
        }
    }

    /** Stops the joining instance (if it started) and returns its agent log lines. */
    private static List<String> stop(CompletableFuture<SampleProcess> joining) throws InterruptedException {
        if (joining == null) {
            return List.of();
        }
        SampleProcess process;
        try {
            process = joining.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the third instance did not start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the third instance did not start within 120 s", e);
        }
        try (process) {
            return FlowContext.agentLog(process);
        }
    }
}
