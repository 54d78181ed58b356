package io.warmgate.bench.rollout;

import io.warmgate.testkit.FreePorts;
import io.warmgate.testkit.LoopbackPeers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One scenario run's load balancer and load: a fresh HAProxy with this scenario's configuration, the open-loop
 * load through its nodes, and the watch on its statistics. Every flow drives its fleet through one of these, so
 * the load, the recording and the node figures are the same in every scenario. Closing stops the load and
 * HAProxy (by PID).
 */
final class LbSession implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_IN_FLIGHT = 2_000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final RolloutSettings settings;
    private final HaproxyProcess haproxy;
    private final HaproxyConfig config;
    private final List<String> backends;
    private final PrintStream progress;
    private SecondsRecorder recorder;
    private OpenLoopLoad load;
    private NodeWatch watch;

    private LbSession(RolloutSettings settings, HaproxyProcess haproxy, HaproxyConfig config, PrintStream progress) {
        this.settings = settings;
        this.haproxy = haproxy;
        this.config = config;
        this.backends = config.nodes().stream().map(HaproxyConfig::backendName).toList();
        this.progress = progress;
    }

    /** Writes this scenario's HAProxy configuration for {@code instances} and starts HAProxy. */
    static LbSession start(RolloutSettings settings, Scenario scenario, String runLabel,
                           List<HaproxyConfig.Instance> instances, Path workDirectory, PrintStream progress)
            throws IOException, InterruptedException {
        List<Integer> ports = FreePorts.pick(settings.nodes() + 1);
        List<String> addresses = LoopbackPeers.first(settings.nodes());
        List<HaproxyConfig.LbNode> nodes = new ArrayList<>();
        for (int i = 0; i < settings.nodes(); i++) {
            nodes.add(new HaproxyConfig.LbNode("node-" + (i + 1), addresses.get(i), ports.get(i)));
        }
        HaproxyConfig config = new HaproxyConfig(nodes, instances, settings.sample().path("/health"),
                settings.checkInterval(), scenario.lb().slowstart() ? settings.ramp() : null,
                scenario.lb().failOpen(), scenario.lb().retries(), ports.get(settings.nodes()));
        Path configFile = workDirectory.resolve("haproxy-" + runLabel + ".cfg");
        Files.writeString(configFile, config.render());
        HaproxyProcess haproxy = HaproxyProcess.start(settings.haproxy(), configFile, config.statsPort(),
                workDirectory.resolve("haproxy-" + runLabel + ".log"));
        progress.printf("  haproxy pid %d, %d nodes%s%s%n", haproxy.pid(), nodes.size(),
                scenario.lb().failOpen() ? ", fail-open backups" : "", scenario.lb().retries() ? "" : ", no retries");
        return new LbSession(settings, haproxy, config, progress);
    }

    /** How many nodes see {@code server} as up, in these states. */
    int nodesWithUp(List<HaproxyStats.ServerState> states, String server) {
        return HaproxyStats.backendsWithServerUp(states, backends, server);
    }

    int nodeCount() {
        return backends.size();
    }

    /**
     * Waits until the nodes see the instances as {@code expected}, or fails the run with {@code what}.
     *
     * @throws IllegalStateException when it does not happen within {@code timeout} (20 s when null)
     */
    void awaitNodes(Predicate<List<HaproxyStats.ServerState>> expected, Duration timeout, String what)
            throws InterruptedException {
        Duration limit = timeout == null ? READY_TIMEOUT : timeout;
        if (!haproxy.awaitStates(expected, limit)) {
            throw new IllegalStateException("HAProxy's nodes did not see " + what + " within " + limit.toSeconds()
                    + " s");
        }
    }

    /** Starts the open-loop load; {@code trackedServer} is the instance whose share is counted ("" for none). */
    SecondsRecorder startLoad(String trackedServer) {
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        recorder = new SecondsRecorder(origin, (int) settings.loadHardLimit().toSeconds() + 1);
        watch = new NodeWatch(backends, config.checkedServerNames(), trackedServer);
        List<Integer> frontends = config.nodes().stream().map(HaproxyConfig.LbNode::frontendPort).toList();
        load = new OpenLoopLoad(new OpenLoopLoad.Plan(frontends, settings.sample().path("/api/items"),
                settings.itemIds(), settings.seed(), settings.ratePerSecond(), REQUEST_TIMEOUT, MAX_IN_FLIGHT,
                settings.loadHardLimit()), recorder, trackedServer);
        load.start();
        return recorder;
    }

    /** Seconds since the load's origin. */
    int now() {
        return (int) Math.floor(recorder.secondsSinceOrigin(System.nanoTime()));
    }

    /** Samples the nodes once a second until {@code second} (since the load's origin) has begun. */
    void watchUntil(int second) throws InterruptedException {
        long at = recorder.originNanos() + TimeUnit.SECONDS.toNanos(second);
        while (System.nanoTime() < at) {
            sampleNodes();
            Thread.sleep(Math.max(1, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime()))));
        }
    }

    /** One sample of the nodes' view; a missed sample only leaves a gap in that second's columns. */
    void sampleNodes() throws InterruptedException {
        try {
            watch.record(now(), haproxy.serverStates());
        } catch (IOException e) {
            // HAProxy's statistics did not answer this time; the next second tries again
        }
    }

    /** Stops sending and waits for outstanding requests, at most the request timeout and a little. */
    void stopLoad() throws InterruptedException {
        if (load == null) {
            return;
        }
        load.stop();
        load.awaitDrained(REQUEST_TIMEOUT.plusSeconds(2));
        if (load.notSent() > 0) {
            progress.printf("  %d requests were not sent: %d were already outstanding%n", load.notSent(),
                    MAX_IN_FLIGHT);
        }
        if (load.sent() > 0 && recorder.answeredTotal() == 0) {
            throw new IllegalStateException("no request succeeded through HAProxy: the setup is broken (see the "
                    + "HAProxy and sample logs)");
        }
    }

    NodeWatch watch() {
        return watch;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (load != null) {
                // Nothing left to do after stopLoad(); after a failed run, stops the load and frees its threads.
                load.stop();
                load.awaitDrained(Duration.ofSeconds(1));
            }
        } finally {
            haproxy.close();
        }
    }
}
