package io.warmgate.bench.rollout;

import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.lbsim.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rollout}: the four scenarios behind real HAProxy, one after the other, then the CSV files, the chart and
 * the summary. The two warm instances are started and warmed once and serve every scenario; HAProxy and the
 * joining instance are new in each.
 */
public final class RolloutCommand {

    static final Map<String, String> DEFAULTS = defaults();
    private static final Duration BURN_IN = Duration.ofSeconds(15);

    private RolloutCommand() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("out", "src/docs/bench");
        defaults.put("prefix", "rollout");
        defaults.put("work", "samples/bench/target/rollout");
        defaults.put("scenarios", "all");
        defaults.put("sample", "tomcat");
        defaults.put("nodes", "10");
        defaults.put("rate", "300");
        defaults.put("ids", "1000");
        defaults.put("settle", "5s");
        defaults.put("steady", "25s");
        defaults.put("window", "60s");
        defaults.put("tail", "10s");
        defaults.put("join-timeout", "60s");
        defaults.put("ramp", "60s");
        defaults.put("check-interval", "1s");
        defaults.put("warmup-rounds", "2");
        // Each item's first request costs four times the sample's default: a service whose cold instance cannot
        // carry a full share of this rate for a while. --sample-properties '' runs the sample as it is.
        defaults.put("sample-properties", "sample.catalog.cost-factor=4");
        defaults.put("jvm-flags", "-Xmx256m -XX:+UseSerialGC");
        defaults.put("haproxy", "haproxy");
        defaults.put("seed", "42");
        return defaults;
    }

    public static String usage() {
        return "usage: java -jar samples/bench/target/warmgate-bench.jar rollout [--option value ...]\n"
                + "  Run from the repository root. Options and defaults:\n  " + DEFAULTS.toString()
                .replace(", ", "\n  ").replace("{", "").replace("}", "");
    }

    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path root = Repository.root();
        RolloutSettings settings = settings(options, root);
        BenchSample sample = settings.sample();
        Repository.requireFile(sample.jar(root), "build it first (samples/bench/rollout.sh does)");
        Repository.requireFile(root.resolve(Repository.AGENT_JAR), "build it first (samples/bench/rollout.sh does)");
        String haproxyVersion = MachineFacts.firstLineOf(List.of(settings.haproxy(), "-v"));
        Path work = options.path("work");
        Path outDir = options.path("out");
        String prefix = options.text("prefix");
        Files.createDirectories(work);
        Files.createDirectories(outDir);

        List<String> facts = new ArrayList<>();
        facts.add("command: `" + ("java -jar samples/bench/target/warmgate-bench.jar rollout " + String.join(" ", args))
                .trim() + "` (effective options: " + options + ")");
        facts.add("date: " + Instant.now());
        facts.addAll(MachineFacts.describe());
        facts.add("HAProxy: " + haproxyVersion);
        facts.add("sample: " + sample.label() + " (" + sample.jar(root).getFileName() + "), JVM flags "
                + settings.jvmFlags() + ", system properties " + settings.sampleProperties());
        out.println("rollout experiment: " + settings.scenarios().size() + " scenarios, " + settings.nodes()
                + " nodes, " + settings.ratePerSecond() + " requests/s; logs and configurations in " + work);
        out.println("machine load average: " + MachineFacts.loadAverage());

        Fleet fleet = new Fleet(settings, work.resolve("logs"));
        List<Integer> warmPorts = FreePorts.pick(2);
        List<ScenarioResult> results = new ArrayList<>();
        try (SampleProcess warm1 = fleet.start(ScenarioRun.WARM_1, warmPorts.get(0), null);
             SampleProcess warm2 = fleet.start(ScenarioRun.WARM_2, warmPorts.get(1), null)) {
            out.printf("warm instances: pid %d port %d, pid %d port %d; warming them ...%n", warm1.pid(),
                    warm1.port(), warm2.pid(), warm2.port());
            long warmStart = System.nanoTime();
            fleet.warm(List.of(warm1, warm2));
            fleet.burnIn(List.of(warm1, warm2), BURN_IN);
            out.printf("warmed in %.1f s (every item three times, then %d s at %d requests/s)%n",
                    (System.nanoTime() - warmStart) / 1e9, BURN_IN.toSeconds(), settings.ratePerSecond());
            ScenarioRun runner = new ScenarioRun(settings, fleet, work, out);
            for (Scenario scenario : settings.scenarios()) {
                out.println("scenario " + scenario.key() + " (" + scenario.title() + "), load average "
                        + MachineFacts.loadAverage());
                ScenarioResult result = runner.run(scenario, warm1.port(), warm2.port());
                results.add(result);
                Summary s = result.summary();
                out.printf(Locale.ROOT, "  steady p99 %.2f ms; join window p99 %.2f ms (%.2fx), max %.2f ms; "
                        + "errors %d of %d%n", s.steadyP99Ms(), s.joinP99Ms(), s.joinToSteadyP99(), s.joinMaxMs(),
                        s.errors(), s.requests());
                writeOutputs(results, settings, facts, outDir, prefix);
                Thread.sleep(3_000); // let the joining JVM's exit and HAProxy's stop settle before the next one
            }
        }
        out.println("written: " + outDir.resolve(prefix + "-seconds.csv") + ", " + prefix + "-summary.csv, "
                + prefix + "-summary.md, " + prefix + ".svg");
        out.println(RolloutReport.table(results, (int) settings.joinWindow().toSeconds()));
        return 0;
    }

    private static void writeOutputs(List<ScenarioResult> results, RolloutSettings settings, List<String> facts,
                                     Path outDir, String prefix) throws IOException {
        int window = (int) settings.joinWindow().toSeconds();
        Files.writeString(outDir.resolve(prefix + "-seconds.csv"), RolloutCsv.seconds(results));
        Files.writeString(outDir.resolve(prefix + "-summary.csv"), RolloutCsv.summary(results));
        Files.writeString(outDir.resolve(prefix + "-summary.md"), RolloutReport.document(results, window, facts));
        String subtitle = String.format(Locale.ROOT, "%d HAProxy nodes, %d req/s open loop, 3 x %s sample; "
                        + "ramp and slowstart %d s; %s", settings.nodes(), settings.ratePerSecond(),
                settings.sample().label(), settings.ramp().toSeconds(), MachineFacts.shortDescription());
        int firstSecond = (int) (settings.settle().toSeconds() - settings.steady().toSeconds());
        Files.writeString(outDir.resolve(prefix + ".svg"), new LatencyChart(results,
                "A cold instance joins a load-balanced fleet", subtitle, firstSecond).render());
    }

    static RolloutSettings settings(CliOptions options, Path root) {
        Map<String, String> sampleProperties = new LinkedHashMap<>();
        for (String pair : options.text("sample-properties").split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--sample-properties takes key=value pairs separated by ';': "
                        + pair);
            }
            sampleProperties.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        List<String> jvmFlags = SampleLauncher.splitFlags(options.text("jvm-flags"));
        RolloutSettings settings = new RolloutSettings(root, options.path("out"),
                BenchSample.fromLabel(options.text("sample")),
                options.integer("nodes", 1, 60), options.integer("rate", 1, 20_000),
                options.integer("ids", 1, 1_000_000), options.duration("settle"), options.duration("steady"),
                options.duration("window"), options.duration("tail"), options.duration("join-timeout"),
                options.duration("ramp"), options.duration("check-interval"),
                options.integer("warmup-rounds", 1, 100), sampleProperties, jvmFlags,
                Scenario.parseList(options.text("scenarios")), options.text("haproxy"),
                Long.parseLong(options.text("seed")));
        if (settings.settle().compareTo(settings.steady()) >= 0) {
            throw new IllegalArgumentException("--settle must be shorter than --steady");
        }
        return settings;
    }
}
