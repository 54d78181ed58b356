package io.warmgate.bench.calibration;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.bench.Statistics;
import io.warmgate.bench.rollout.OpenLoopLoad;
import io.warmgate.bench.rollout.SecondStats;
import io.warmgate.bench.rollout.SecondsRecorder;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cold-cost}: what a cold instance of the sample costs, for each cost factor asked for. This is how the
 * rollout benchmark's {@code sample.catalog.cost-factor} was chosen (src/docs/benchmarks.md).
 *
 * <p>Per factor, two fresh instances:
 * <ol>
 *   <li>every item id once, one request at a time: the CPU the process spends per first request (from
 *       /proc), the latency of the first and the last hundred, then the same ids again (all cached) for the
 *       CPU of a warm request;</li>
 *   <li>a full share of the rollout's load straight at a fresh instance (open loop, no HAProxy): the worst
 *       second's p99, the max, and how long until the per-second p99 stays under twice that of the last
 *       seconds ("time to warm").</li>
 * </ol>
 */
public final class ColdCostCommand {

    static final Map<String, String> DEFAULTS = CliOptions.defaults(
            "out", "samples/bench/target/cold-cost",
            "sample", "tomcat",
            "factors", "1,4,8,16",
            "ids", "1000",
            "share-rate", "100",
            "share-duration", "40s",
            "jvm-flags", "-Xmx256m -XX:+UseSerialGC");

    private ColdCostCommand() {
    }

    public static String usage() {
        return CliOptions.usage("cold-cost", "", DEFAULTS);
    }

    /** The figures of one cost factor. */
    record Row(int factor, double cpuPerFirstRequestMs, double cpuPerWarmRequestMs, double firstHundredMedianMs,
               double lastHundredMedianMs, double sequentialFillSeconds, double worstSecondP99Ms, double maxMs,
               int secondsToWarm, long errors) {
    }

    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path root = Repository.root();
        BenchSample sample = BenchSample.fromLabel(options.text("sample"));
        Repository.requireFile(sample.jar(root), "build the sample first (samples/bench/rollout.sh does)");
        int ids = options.integer("ids", 1, 1000);
        int shareRate = options.integer("share-rate", 1, 10_000);
        Duration shareDuration = options.duration("share-duration");
        List<String> jvmFlags = SampleLauncher.splitFlags(options.text("jvm-flags"));
        Path outDir = options.path("out");
        Files.createDirectories(outDir);

        List<Row> rows = new ArrayList<>();
        for (String text : options.text("factors").split(",")) {
            int factor = Integer.parseInt(text.trim());
            out.printf("cost factor %d, load average %s%n", factor, MachineFacts.loadAverage());
            SampleLauncher launcher = new SampleLauncher(root, jvmFlags,
                    Map.of("sample.catalog.cost-factor", Integer.toString(factor)), outDir.resolve("logs"));
            Row row = measure(launcher, sample, factor, ids, shareRate, shareDuration);
            out.printf(Locale.ROOT, "  CPU per first request %.2f ms, per warm request %.3f ms; one at a time: "
                            + "first 100 median %.2f ms, last 100 median %.2f ms, all ids in %.1f s%n"
                            + "  a full share (%d req/s) on a cold instance: worst second p99 %.0f ms, max %.0f ms, "
                            + "warm after %d s, errors %d%n",
                    row.cpuPerFirstRequestMs(), row.cpuPerWarmRequestMs(), row.firstHundredMedianMs(),
                    row.lastHundredMedianMs(), row.sequentialFillSeconds(), shareRate, row.worstSecondP99Ms(),
                    row.maxMs(), row.secondsToWarm(), row.errors());
            rows.add(row);
        }
        List<String> facts = new ArrayList<>();
        facts.add("command: `java -jar samples/bench/target/warmgate-bench.jar cold-cost " + String.join(" ", args)
                + "` (effective options: " + options + ")");
        facts.add("date: " + Instant.now());
        facts.addAll(MachineFacts.describe());
        facts.add("load average at the end: " + MachineFacts.loadAverage());
        Path file = outDir.resolve("cold-cost.md");
        Files.writeString(file, document(rows, shareRate, facts));
        out.println("written: " + file);
        return 0;
    }

    private static Row measure(SampleLauncher launcher, BenchSample sample, int factor, int ids, int shareRate,
                               Duration shareDuration) throws IOException, InterruptedException {
        List<Integer> ports = FreePorts.pick(2);
        double[] firstPass;
        double[] secondPass;
        long firstPassCpu;
        long secondPassCpu;
        double fillSeconds;
        try (SampleProcess instance = launcher.start(sample, "cold-cost-" + factor + "-sequential", ports.get(0),
                null)) {
            HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();
            long cpuBefore = ProcessCpu.millis(instance.pid());
            long start = System.nanoTime();
            firstPass = everyIdOnce(client, instance.port(), sample, ids);
            fillSeconds = (System.nanoTime() - start) / 1e9;
            long cpuAfterFirst = ProcessCpu.millis(instance.pid());
            secondPass = everyIdOnce(client, instance.port(), sample, ids);
            firstPassCpu = cpuAfterFirst - cpuBefore;
            secondPassCpu = ProcessCpu.millis(instance.pid()) - cpuAfterFirst;
        }
        List<SecondStats> seconds;
        try (SampleProcess instance = launcher.start(sample, "cold-cost-" + factor + "-share", ports.get(1), null)) {
            seconds = fullShare(instance.port(), sample, ids, shareRate, shareDuration);
        }
        int n = Math.min(100, ids);
        return new Row(factor, (double) firstPassCpu / ids, (double) secondPassCpu / ids,
                Statistics.median(Arrays.copyOfRange(firstPass, 0, n)),
                Statistics.median(Arrays.copyOfRange(firstPass, ids - n, ids)), fillSeconds,
                seconds.stream().mapToLong(SecondStats::p99Micros).max().orElse(0) / 1000.0,
                seconds.stream().mapToLong(SecondStats::maxMicros).max().orElse(0) / 1000.0,
                WarmUpTime.secondsUntilSettled(seconds), seconds.stream().mapToLong(SecondStats::errors).sum());
    }

    /** Latency in ms of GET items?id=1..ids, one request at a time. */
    private static double[] everyIdOnce(HttpClient client, int port, BenchSample sample, int ids)
            throws IOException, InterruptedException {
        double[] latencies = new double[ids];
        for (int id = 1; id <= ids; id++) {
            URI uri = URI.create("http://127.0.0.1:" + port + sample.path("/api/items") + "?id=" + id);
            long start = System.nanoTime();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding());
            latencies[id - 1] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
        }
        return latencies;
    }

    private static List<SecondStats> fullShare(int port, BenchSample sample, int ids, int rate, Duration duration)
            throws InterruptedException {
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        int seconds = (int) duration.toSeconds();
        SecondsRecorder recorder = new SecondsRecorder(origin, seconds + 1);
        OpenLoopLoad load = new OpenLoopLoad(new OpenLoopLoad.Plan(List.of(port), sample.path("/api/items"), ids, 7,
                rate, Duration.ofSeconds(10), 2_000, duration), recorder, "");
        load.start();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(origin - System.nanoTime()) + duration.toMillis());
        load.stop();
        load.awaitDrained(Duration.ofSeconds(12));
        return recorder.seconds(seconds);
    }

    static String document(List<Row> rows, int shareRate, List<String> facts) {
        StringBuilder md = new StringBuilder("# What a cold instance of the sample costs\n\n");
        md.append("| cost factor | CPU per first request | CPU per warm request | first 100 ids, median | ")
                .append("last 100 ids, median | every id once, one at a time | full share (").append(shareRate)
                .append(" req/s) cold: worst second p99 | max | warm after | errors |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f ms | %.3f ms | %.2f ms | %.2f ms | %.1f s | %.0f ms "
                            + "| %.0f ms | %s | %d |%n", row.factor(), row.cpuPerFirstRequestMs(),
                    row.cpuPerWarmRequestMs(), row.firstHundredMedianMs(), row.lastHundredMedianMs(),
                    row.sequentialFillSeconds(), row.worstSecondP99Ms(), row.maxMs(),
                    row.secondsToWarm() < 0 ? "not within the run" : row.secondsToWarm() + " s", row.errors()));
        }
        md.append("\nCPU is the sample process's user + system time (/proc) over the pass, divided by the requests. ")
                .append("\"Warm after\": the first second from which every per-second p99 stays under twice the ")
                .append("median p99 of the last five seconds.\n\n## How this was measured\n\n");
        for (String fact : facts) {
            md.append("- ").append(fact).append('\n');
        }
        return md.toString();
    }
}
