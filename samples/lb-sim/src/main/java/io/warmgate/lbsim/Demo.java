package io.warmgate.lbsim;

import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live demo: a sample service with the agent attached, health-checked by simulated load-balancer nodes.
 *
 * <pre>java -jar samples/lb-sim/target/warmgate-demo.jar [--sample tomcat|jetty] [--duration 20s] [--peers 12]</pre>
 *
 * Run from the repository root; it finds the agent and the sample jars under their {@code target} folders.
 */
public final class Demo {

    static final Path AGENT_JAR = Path.of("agent/target/warmgate-agent.jar");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration FRAME_INTERVAL = Duration.ofSeconds(1);
    /** The demo keeps running this long after the ramp, so everyone can see every node healthy. */
    private static final Duration AFTER_RAMP = Duration.ofSeconds(3);
    private static final Pattern PEER_LOG = Pattern.compile("\\[warmgate] peer (\\S+) hash \\d+ bucket (\\d+)");

    private Demo() {
    }

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("warmgate demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        System.exit(run(options, Path.of("").toAbsolutePath(), System.out, isTerminal()));
    }

    /** Runs the demo and returns the process exit code. */
    static int run(DemoOptions options, Path repositoryRoot, PrintStream out, boolean terminal) {
        Path agentJar = repositoryRoot.resolve(AGENT_JAR);
        Path sampleJar = options.sample().jar(repositoryRoot);
        for (Path required : List.of(agentJar, sampleJar)) {
            if (!Files.isRegularFile(required)) {
                System.err.println("warmgate demo: " + required + " not found; run ./mvnw package first"
                        + " (from the repository root, which must also be the current directory).");
                return 2;
            }
        }
        Path logDirectory;
        try {
            logDirectory = Files.createTempDirectory("warmgate-demo-");
        } catch (IOException e) {
            System.err.println("warmgate demo: cannot create a log directory: " + e.getMessage());
            return 1;
        }

        out.println("Starting the " + options.sample().label() + " sample with -javaagent:" + AGENT_JAR
                + "=duration=" + options.durationText() + " ...");
        SampleProcess sample;
        try {
            sample = SampleProcess.builder(sampleJar)
                    .name("demo-" + options.sample().label())
                    .agent(agentJar, "duration=" + options.durationText())
                    .logDirectory(logDirectory)
                    .start();
        } catch (RuntimeException e) {
            System.err.println("warmgate demo: the sample did not start: " + e.getMessage());
            return 1;
        }
        try (sample) {
            new Demo.Session(options, sample, out, terminal).run();
        }
        out.println("Sample stopped. Its full output is in " + sample.logFile());
        return 0;
    }

    /** One run: the scheduled nodes, the frame loop and the bookkeeping of agent log lines. */
    private static final class Session {
        private final DemoOptions options;
        private final SampleProcess sample;
        private final PrintStream out;
        private final LiveView view;
        private final List<SimulatedNode> nodes = new ArrayList<>();
        private final List<String> agentLines = new ArrayList<>();
        private int stderrLinesSeen;

        Session(DemoOptions options, SampleProcess sample, PrintStream out, boolean terminal) {
            this.options = options;
            this.sample = sample;
            this.out = out;
            this.view = new LiveView(out, terminal);
            for (String peer : LoopbackPeers.first(options.peers())) {
                PeerClient client = PeerClient.toLoopback(peer, sample.port())
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
                nodes.add(new SimulatedNode(client, options.sample().path("/health")));
            }
        }

        void run() {
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
                    Math.min(nodes.size(), 8), daemonThreads());
            // The agent's ramp starts with the first health check, i.e. right now.
            long start = System.nanoTime();
            try {
                for (int i = 0; i < nodes.size(); i++) {
                    // Spread the nodes over the interval, as real LB nodes are not synchronised either.
                    long offsetMillis = POLL_INTERVAL.toMillis() * i / nodes.size();
                    scheduler.scheduleWithFixedDelay(nodes.get(i)::poll, offsetMillis, POLL_INTERVAL.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
                Duration total = options.duration().plus(AFTER_RAMP);
                long frames = total.toMillis() / FRAME_INTERVAL.toMillis() + 1;
                for (long frame = 1; frame <= frames; frame++) {
                    sleepUntil(start + FRAME_INTERVAL.toNanos() * frame);
                    draw(Duration.ofNanos(System.nanoTime() - start));
                    if (!sample.isAlive()) {
                        out.println("The sample exited unexpectedly.");
                        break;
                    }
                }
            } finally {
                scheduler.shutdownNow();
                awaitQuietly(scheduler);
            }
            long healthy = nodes.stream()
                    .filter(node -> node.snapshot().state() == SimulatedNode.State.HEALTHY).count();
            out.println(healthy + " of " + nodes.size() + " load-balancer nodes see the instance as healthy.");
        }

        private void draw(Duration elapsed) {
            collectAgentLines();
            List<SimulatedNode.Snapshot> snapshots = nodes.stream().map(SimulatedNode::snapshot).toList();
            String title = "warmgate demo: " + options.sample().label() + " sample on port " + sample.port()
                    + ", " + nodes.size() + " load-balancer nodes, ramp " + options.durationText();
            String hint = "try it yourself: curl -i --interface " + nodes.get(nodes.size() - 1).peer()
                    + " http://127.0.0.1:" + sample.port() + options.sample().path("/health");
            view.draw(new LiveView.Frame(title, elapsed, options.duration(), snapshots, List.copyOf(agentLines),
                    hint));
        }

        /** Keeps the agent's own lines for display and tells each node the bucket the agent logged for it. */
        private void collectAgentLines() {
            List<String> stderr = sample.stderrLines();
            Map<String, SimulatedNode> byPeer = nodes.stream()
                    .collect(Collectors.toMap(SimulatedNode::peer, Function.identity()));
            for (; stderrLinesSeen < stderr.size(); stderrLinesSeen++) {
                String line = stderr.get(stderrLinesSeen);
                if (!line.startsWith("[warmgate]")) {
                    continue;
                }
                agentLines.add(line);
                Matcher peer = PEER_LOG.matcher(line);
                if (peer.find() && byPeer.containsKey(peer.group(1))) {
                    byPeer.get(peer.group(1)).learnBucket(Integer.parseInt(peer.group(2)));
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "lb-node");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleepUntil(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService scheduler) {
        try {
            scheduler.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * ANSI redrawing only makes sense on a terminal. Since JDK 22 {@code System.console()} can be non-null even
     * when output is redirected, so {@code Console.isTerminal()} is asked too where it exists.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException notBeforeJdk22) {
            return true;
        }
    }
}
