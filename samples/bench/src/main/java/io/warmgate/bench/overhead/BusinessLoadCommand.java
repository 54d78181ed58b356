package io.warmgate.bench.overhead;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.bench.Statistics;
import io.warmgate.bench.rollout.OpenLoopLoad;
import io.warmgate.bench.rollout.SecondsRecorder;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code business-load}: what the agent costs a request that is NOT a health check. Two instances of the same
 * sample run side by side, one with the agent (default configuration, or {@code --agent-args}, e.g. a recording with
 * {@code warmup.record=...}) and one without; they are loaded one at a
 * time, in alternating order (ABBA), on the business endpoint with warm caches:
 * <ul>
 *   <li>closed loop, to saturation: the throughput ratio (agent / no agent);</li>
 *   <li>open loop at a fixed rate, latency from the intended send time: the p99 ratio.</li>
 * </ul>
 * Alternating and repeating spreads the noise of a shared machine over both arms instead of one.
 */
public final class BusinessLoadCommand {

    static final Map<String, String> DEFAULTS = CliOptions.defaults(
            "out", "samples/bench/target/overhead",
            "work", "samples/bench/target/business-load",
            "sample", "tomcat",
            "rounds", "10",
            "closed-duration", "5s",
            "threads", "4",
            "open-duration", "5s",
            "rate", "500",
            "ids", "1000",
            "agent-args", "",
            "jvm-flags", "-Xmx256m -XX:+UseSerialGC");

    private BusinessLoadCommand() {
    }

    public static String usage() {
        return CliOptions.usage("business-load", "", DEFAULTS);
    }

    /** One arm's figures over all rounds. */
    private static final class Arm {
        final String label;
        final List<Double> throughputs = new ArrayList<>();
        final Histogram openLoopMicros = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        final List<Double> openLoopP99s = new ArrayList<>();
        long errors;

        Arm(String label) {
            this.label = label;
        }
    }

    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path root = Repository.root();
        BenchSample sample = BenchSample.fromLabel(options.text("sample"));
        Repository.requireFile(sample.jar(root), "build the sample first");
        Repository.requireFile(root.resolve(Repository.AGENT_JAR), "build the agent first");
        int rounds = options.integer("rounds", 1, 50);
        int threads = options.integer("threads", 1, 64);
        int rate = options.integer("rate", 1, 50_000);
        int ids = options.integer("ids", 1, 1_000_000);
        Duration closed = options.duration("closed-duration");
        Duration open = options.duration("open-duration");
        Path work = options.path("work");
        SampleLauncher launcher = new SampleLauncher(root, SampleLauncher.splitFlags(options.text("jvm-flags")),
                Map.of(), work.resolve("logs"));
        String itemsPath = sample.path("/api/items");
        List<Integer> ports = FreePorts.pick(2);
        String loadBefore = MachineFacts.loadAverage();
        out.println("business-load: " + sample.label() + ", " + rounds + " rounds; load average " + loadBefore);

        Arm plain = new Arm("no agent");
        Arm agent = new Arm("agent");
        try (SampleProcess plainProcess = launcher.start(sample, "business-plain", ports.get(0), null);
             SampleProcess agentProcess = launcher.start(sample, "business-agent", ports.get(1),
                     options.text("agent-args"))) {
            Map<Arm, Integer> armPorts = Map.of(plain, plainProcess.port(), agent, agentProcess.port());
            for (Arm arm : List.of(plain, agent)) {
                // Warm-up: every id once (fills the cache), then load so the JIT compiles the request path.
                ClosedLoopLoad.everyIdOnce(uri(armPorts.get(arm), itemsPath), ids);
                ClosedLoopLoad.run(uri(armPorts.get(arm), itemsPath), ids, threads, closed.multipliedBy(2), 7);
            }
            for (int round = 0; round < rounds; round++) {
                List<Arm> order = round % 2 == 0 ? List.of(plain, agent) : List.of(agent, plain);
                for (Arm arm : order) {
                    ClosedLoopLoad.Result result = ClosedLoopLoad.run(uri(armPorts.get(arm), itemsPath), ids, threads,
                            closed, round);
                    arm.throughputs.add(result.throughput());
                    arm.errors += result.errors();
                    out.printf(Locale.ROOT, "  round %d %-8s closed loop %.0f req/s%n", round + 1, arm.label,
                            result.throughput());
                }
                for (Arm arm : order) {
                    Histogram histogram = openLoop(armPorts.get(arm), itemsPath, ids, rate, open, round);
                    arm.openLoopMicros.add(histogram);
                    arm.openLoopP99s.add(histogram.getValueAtPercentile(99) / 1000.0);
                    out.printf(Locale.ROOT, "  round %d %-8s open loop %d req/s: p99 %.3f ms%n", round + 1,
                            arm.label, rate, histogram.getValueAtPercentile(99) / 1000.0);
                }
            }
        }
        String report = report(options, sample, plain, agent, rounds, threads, rate, closed, open, loadBefore);
        Path outDir = options.path("out");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("business-load.md"), report);
        out.println(report);
        if (Statistics.median(plain.throughputs) <= 0 || Statistics.median(agent.throughputs) <= 0) {
            out.println("no request succeeded in one of the arms: the setup is broken");
            return 1;
        }
        return 0;
    }

    private static Histogram openLoop(int port, String itemsPath, int ids, int rate, Duration duration, long seed)
            throws InterruptedException {
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        SecondsRecorder recorder = new SecondsRecorder(origin, (int) duration.toSeconds() + 2);
        OpenLoopLoad load = new OpenLoopLoad(new OpenLoopLoad.Plan(List.of(port), itemsPath, ids, seed, rate,
                Duration.ofSeconds(10), 2_000, duration), recorder, "");
        load.start();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(origin - System.nanoTime()) + duration.toMillis());
        load.stop();
        load.awaitDrained(Duration.ofSeconds(12));
        // The first second is left out: the client opens its connections there.
        return recorder.merged(1, (int) duration.toSeconds());
    }

    private static String uri(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String report(CliOptions options, BenchSample sample, Arm plain, Arm agent, int rounds,
                                 int threads, int rate, Duration closed, Duration open, String loadBefore) {
        double plainThroughput = Statistics.median(plain.throughputs);
        double agentThroughput = Statistics.median(agent.throughputs);
        double plainP99 = plain.openLoopMicros.getValueAtPercentile(99) / 1000.0;
        double agentP99 = agent.openLoopMicros.getValueAtPercentile(99) / 1000.0;
        // Ratios per round (both arms measured back to back), then their median: one noisy round on a shared
        // machine moves a median of ratios far less than a ratio of totals.
        List<Double> throughputRatios = ratios(agent.throughputs, plain.throughputs);
        List<Double> p99Ratios = ratios(agent.openLoopP99s, plain.openLoopP99s);
        StringBuilder md = new StringBuilder("# Business endpoint with and without the agent\n\n");
        String agentArgs = options.text("agent-args");
        md.append("Agent arguments: ").append(agentArgs.isEmpty() ? "none (the defaults)" : "`" + agentArgs + "`")
                .append(".\n\n");
        md.append("| | no agent | agent | agent / no agent, median of the per-round ratios |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| throughput, closed loop, %d threads (median of %d rounds) | "
                + "%.0f req/s | %.0f req/s | %.3f |%n", threads, rounds, plainThroughput, agentThroughput,
                Statistics.median(throughputRatios)));
        md.append(String.format(Locale.ROOT, "| p99 latency, open loop at %d req/s (median of %d rounds) | %.3f ms | "
                + "%.3f ms | %.3f |%n", rate, rounds, Statistics.median(plain.openLoopP99s),
                Statistics.median(agent.openLoopP99s), Statistics.median(p99Ratios)));
        md.append(String.format(Locale.ROOT, "| p99 latency, open loop, all rounds merged | %.3f ms | %.3f ms | |%n",
                plainP99, agentP99));
        md.append(String.format(Locale.ROOT, "| p50 latency, open loop, all rounds merged | %.3f ms | %.3f ms | |%n",
                plain.openLoopMicros.getValueAtPercentile(50) / 1000.0,
                agent.openLoopMicros.getValueAtPercentile(50) / 1000.0));
        md.append(String.format(Locale.ROOT, "| errors | %d | %d | |%n", plain.errors, agent.errors));
        md.append("\nPer round, closed-loop throughput (req/s): no agent ").append(rounded(plain.throughputs, "%.0f"))
                .append("; agent ").append(rounded(agent.throughputs, "%.0f")).append("; ratios ")
                .append(rounded(throughputRatios, "%.3f")).append(".\n\nPer round, open-loop p99 (ms): no agent ")
                .append(rounded(plain.openLoopP99s, "%.2f")).append("; agent ").append(rounded(agent.openLoopP99s,
                        "%.2f")).append("; ratios ").append(rounded(p99Ratios, "%.3f")).append(".\n\n");
        md.append("- command: `java -jar samples/bench/target/warmgate-bench.jar business-load` (effective options: ")
                .append(options).append(")\n");
        md.append("- sample: ").append(sample.label()).append(", endpoint ").append(sample.path("/api/items"))
                .append("?id=N (ids 1..").append(options.text("ids")).append(", all cached after the warm-up); ")
                .append("each closed-loop run ").append(closed.toSeconds()).append(" s, each open-loop run ")
                .append(open.toSeconds()).append(" s; no health check arrives, so the ramp never starts and every ")
                .append("request pays the path check and whatever the agent arguments above add\n");
        md.append("- date: ").append(Instant.now()).append('\n');
        for (String fact : MachineFacts.describe()) {
            md.append("- ").append(fact).append('\n');
        }
        md.append("- load average before -> after: ").append(loadBefore).append(" -> ")
                .append(MachineFacts.loadAverage()).append('\n');
        return md.toString();
    }

    private static List<Double> ratios(List<Double> numerators, List<Double> denominators) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(numerators.size(), denominators.size()); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return ratios;
    }

    private static String rounded(List<Double> values, String format) {
        List<String> texts = new ArrayList<>();
        for (double value : values) {
            texts.add(String.format(Locale.ROOT, format, value));
        }
        return String.join(", ", texts);
    }
}
