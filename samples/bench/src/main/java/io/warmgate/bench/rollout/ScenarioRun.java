package io.warmgate.bench.rollout;

import io.warmgate.bench.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.lbsim.LoopbackPeers;
import io.warmgate.lbsim.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario: a fresh HAProxy (this scenario's configuration) in front of the two warm instances and a
 * third that does not run yet; steady load; the third instance's launch; load until the join window and the
 * tail are over. HAProxy and the third instance are stopped by PID at the end, also on failure.
 */
final class ScenarioRun {

    static final String WARM_1 = "warm-1";
    static final String WARM_2 = "warm-2";
    static final String NEW = "new";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final Duration HAPROXY_READY_TIMEOUT = Duration.ofSeconds(20);
    private static final int AGENT_LOG_LINES_KEPT = 60;

    private final RolloutSettings settings;
    private final Fleet fleet;
    private final Path workDirectory;
    private final PrintStream progress;

    ScenarioRun(RolloutSettings settings, Fleet fleet, Path workDirectory, PrintStream progress) {
        this.settings = settings;
        this.fleet = fleet;
        this.workDirectory = workDirectory;
        this.progress = progress;
    }

    ScenarioResult run(Scenario scenario, int warm1Port, int warm2Port) throws IOException, InterruptedException {
        String loadBefore = MachineFacts.loadAverage();
        List<Integer> ports = FreePorts.pick(settings.nodes() + 2);
        int newPort = ports.get(settings.nodes());
        int statsPort = ports.get(settings.nodes() + 1);
        List<HaproxyConfig.LbNode> nodes = new ArrayList<>();
        List<String> addresses = LoopbackPeers.first(settings.nodes());
        for (int i = 0; i < settings.nodes(); i++) {
            nodes.add(new HaproxyConfig.LbNode("node-" + (i + 1), addresses.get(i), ports.get(i)));
        }
        HaproxyConfig config = new HaproxyConfig(nodes,
                List.of(new HaproxyConfig.Instance(WARM_1, warm1Port), new HaproxyConfig.Instance(WARM_2, warm2Port),
                        new HaproxyConfig.Instance(NEW, newPort)),
                settings.sample().path("/health"), settings.checkInterval(),
                scenario.slowstart() ? settings.ramp() : null, statsPort);
        Path configFile = workDirectory.resolve("haproxy-" + scenario.key() + ".cfg");
        Files.writeString(configFile, config.render());
        List<String> backends = nodes.stream().map(HaproxyConfig::backendName).toList();

        try (HaproxyProcess haproxy = HaproxyProcess.start(settings.haproxy(), configFile, statsPort,
                workDirectory.resolve("haproxy-" + scenario.key() + ".log"))) {
            progress.printf("  haproxy pid %d, %d nodes, frontends %s%n", haproxy.pid(), nodes.size(),
                    ports.subList(0, settings.nodes()));
            boolean ready = haproxy.awaitStates(states ->
                    HaproxyStats.backendsWithServerUp(states, backends, WARM_1) == backends.size()
                            && HaproxyStats.backendsWithServerUp(states, backends, WARM_2) == backends.size()
                            && HaproxyStats.backendsWithServerUp(states, backends, NEW) == 0, HAPROXY_READY_TIMEOUT);
            if (!ready) {
                throw new IllegalStateException("HAProxy did not see both warm instances UP and the new one DOWN on "
                        + "every node within " + HAPROXY_READY_TIMEOUT.toSeconds() + " s");
            }
            return underLoad(scenario, haproxy, backends, ports.subList(0, settings.nodes()), newPort, loadBefore);
        }
    }

    private ScenarioResult underLoad(Scenario scenario, HaproxyProcess haproxy, List<String> backends,
                                     List<Integer> frontendPorts, int newPort, String loadBefore)
            throws InterruptedException {
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        int capacity = (int) settings.loadHardLimit().toSeconds() + 1;
        SecondsRecorder recorder = new SecondsRecorder(origin, capacity);
        OpenLoopLoad load = new OpenLoopLoad(new OpenLoopLoad.Plan(frontendPorts, settings.sample().path("/api/items"),
                settings.itemIds(), settings.seed(), settings.ratePerSecond(), REQUEST_TIMEOUT, MAX_IN_FLIGHT,
                settings.loadHardLimit()), recorder, NEW);
        Map<Integer, Integer> nodesUp = new ConcurrentSkipListMap<>();
        int launchSecond = (int) settings.steady().toSeconds();
        CompletableFuture<SampleProcess> joining = null;
        int endSecond;
        List<String> agentLog;
        load.start();
        try {
            long launchAt = origin + TimeUnit.SECONDS.toNanos(launchSecond);
            while (System.nanoTime() < launchAt) {
                pollNodes(haproxy, backends, recorder, nodesUp);
                Thread.sleep(Math.max(1, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(launchAt - System.nanoTime()))));
            }
            progress.printf("  t=%ds: launching the third instance%s%n", launchSecond,
                    scenario.agent() ? " with -javaagent:" + agentArgs(scenario) : " (no agent)");
            joining = CompletableFuture.supplyAsync(
                    () -> fleet.start("new-" + scenario.key(), newPort, agentArgs(scenario)));
            endSecond = watchJoin(haproxy, backends, recorder, nodesUp, launchSecond, joining);
        } finally {
            try {
                load.stop();
                load.awaitDrained(REQUEST_TIMEOUT.plusSeconds(2));
            } finally {
                agentLog = stop(joining);
            }
        }
        if (load.notSent() > 0) {
            progress.printf("  %d requests were not sent: %d were already outstanding%n", load.notSent(),
                    MAX_IN_FLIGHT);
        }
        int firstTraffic = recorder.firstSecondWithNewInstanceTraffic();
        Summary summary = summarize(recorder, launchSecond, firstTraffic, endSecond);
        return new ScenarioResult(scenario, launchSecond, firstTraffic, recorder.seconds(endSecond), nodesUp,
                summary, agentLog, loadBefore + " -> " + MachineFacts.loadAverage());
    }

    /** Follows the join until the window and the tail are over (or the new instance never took traffic). */
    private int watchJoin(HaproxyProcess haproxy, List<String> backends, SecondsRecorder recorder,
                          Map<Integer, Integer> nodesUp, int launchSecond, CompletableFuture<SampleProcess> joining)
            throws InterruptedException {
        int window = (int) settings.joinWindow().toSeconds();
        int tail = (int) settings.tail().toSeconds();
        int giveUp = launchSecond + (int) settings.joinTimeout().toSeconds();
        int reported = -1;
        while (true) {
            if (joining.isCompletedExceptionally()) {
                return (int) recorder.secondsSinceOrigin(System.nanoTime()); // stop() reports why it did not start
            }
            pollNodes(haproxy, backends, recorder, nodesUp);
            int now = (int) recorder.secondsSinceOrigin(System.nanoTime());
            int firstTraffic = recorder.firstSecondWithNewInstanceTraffic();
            if (firstTraffic >= 0 && reported < 0) {
                reported = firstTraffic;
                progress.printf("  t=%ds: first request answered by the new instance (%d s after launch)%n",
                        firstTraffic, firstTraffic - launchSecond);
            }
            int end = firstTraffic >= 0 ? firstTraffic + window + tail : giveUp + window + tail;
            if (firstTraffic < 0 && now >= giveUp) {
                progress.printf("  the new instance took no traffic within %d s of its launch%n", giveUp - launchSecond);
                return now;
            }
            if (now >= end || now >= recorder.capacitySeconds() - 1) {
                return Math.min(end, recorder.capacitySeconds());
            }
            Thread.sleep(1_000);
        }
    }

    private static void pollNodes(HaproxyProcess haproxy, List<String> backends, SecondsRecorder recorder,
                                  Map<Integer, Integer> nodesUp) throws InterruptedException {
        try {
            int second = (int) Math.floor(recorder.secondsSinceOrigin(System.nanoTime()));
            nodesUp.put(second, HaproxyStats.backendsWithServerUp(haproxy.serverStates(), backends, NEW));
        } catch (IOException e) {
            // a missed sample leaves a gap in that column, nothing more
        }
    }

    /** Stops the joining instance (if it started) and returns its agent log lines. */
    private List<String> stop(CompletableFuture<SampleProcess> joining) throws InterruptedException {
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
        try {
            List<String> lines = process.stderrLines().stream().filter(line -> line.contains("[warmgate]")).toList();
            return lines.subList(0, Math.min(lines.size(), AGENT_LOG_LINES_KEPT));
        } finally {
            process.close();
        }
    }

    String agentArgs(Scenario scenario) {
        if (!scenario.agent()) {
            return null;
        }
        String args = "duration=" + settings.ramp().toMillis() + "ms";
        if (scenario.warmup()) {
            args += ",warmup.file=" + warmupFile() + ",warmup.rounds=" + settings.warmupRounds()
                    + ",warmup.concurrency=2,warmup.timeout=120s";
        }
        return args;
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

    private Summary summarize(SecondsRecorder recorder, int launchSecond, int firstTraffic, int endSecond) {
        int settle = (int) settings.settle().toSeconds();
        Histogram steady = recorder.merged(settle, launchSecond);
        int joinStart = firstTraffic >= 0 ? firstTraffic : launchSecond;
        int joinEnd = joinStart + (int) settings.joinWindow().toSeconds();
        Histogram join = recorder.merged(joinStart, joinEnd);
        List<SecondStats> rows = recorder.seconds(endSecond);
        long requests = rows.stream().mapToLong(SecondStats::requests).sum();
        long errors = rows.stream().mapToLong(SecondStats::errors).sum();
        int tail = (int) settings.tail().toSeconds();
        long tailAnswered = 0;
        long tailFromNew = 0;
        for (SecondStats row : rows.subList(Math.max(0, rows.size() - tail), rows.size())) {
            tailAnswered += row.answered();
            tailFromNew += row.fromNewInstance();
        }
        Histogram tailHistogram = recorder.merged(Math.max(joinEnd, endSecond - tail), endSecond);
        return new Summary(Summary.p(steady, 50), Summary.p(steady, 99), Summary.p(join, 50), Summary.p(join, 99),
                Summary.max(join), Summary.p(tailHistogram, 99), requests, errors, recorder.errors(joinStart, joinEnd),
                firstTraffic >= 0 ? firstTraffic - launchSecond : -1,
                tailAnswered == 0 ? 0.0 : (double) tailFromNew / tailAnswered);
    }
}
