package io.warmgate.bench.rollout;

import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every flow needs: the settings, the way to start instances, where logs and configurations go, and the
 * two warm instances that serve the flows in which the rest of the fleet stays up.
 */
record FlowContext(RolloutSettings settings, Fleet fleet, Path workDirectory, PrintStream progress,
                   SampleProcess warm1, SampleProcess warm2) {

    /**
     * For blocking work done at the same time (starting and stopping JVMs): the common fork-join pool has a
     * single thread on a 2-core machine and would start "simultaneous" instances one after the other.
     */
    static final ExecutorService BLOCKING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rollout-blocking");
        thread.setDaemon(true);
        return thread;
    });

    static final String WARM_1 = "warm-1";
    static final String WARM_2 = "warm-2";
    private static final int AGENT_LOG_LINES_KEPT = 60;

    /** The agent arguments of {@code scenario} for an instance whose siblings are {@code siblingPorts}. */
    String agentArgs(Scenario scenario, List<Integer> siblingPorts) {
        return agentArgs(scenario, siblingPorts, settings.ramp());
    }

    /** The same with another ramp duration, for flows in which the ramp is not what is measured. */
    String agentArgs(Scenario scenario, List<Integer> siblingPorts, Duration ramp) {
        if (!scenario.withAgent()) {
            return null;
        }
        return scenario.agent().render(ramp, warmupFile(), recordFile(workDirectory), settings.warmupRounds(),
                siblingPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /** Where the warm instances record the load they serve, when a scenario replays their recording. */
    static Path recordFile(Path workDirectory) {
        return workDirectory.resolve("recorded-traffic.txt");
    }

    /** The first {@value #AGENT_LOG_LINES_KEPT} agent log lines of an instance. */
    static List<String> agentLog(SampleProcess process) {
        List<String> lines = process.stderrLines().stream().filter(line -> line.contains("[warmgate]")).toList();
        return lines.subList(0, Math.min(lines.size(), AGENT_LOG_LINES_KEPT));
    }

    /** One GET per item id: the warm-up fills the new instance's cache before any node is told it is healthy. */
    private Path warmupFile() {
        Path file = workDirectory.resolve("warmup-requests.txt");
        if (!Files.exists(file)) {
            StringBuilder lines = new StringBuilder("# Written by the rollout benchmark: every item id once.\n");
            for (int id = 1; id <= settings.itemIds(); id++) {
                lines.append("GET ").append(settings.sample().path("/api/items")).append("?id=").append(id)
                        .append('\n');
            }
            try {
                Files.writeString(file, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
