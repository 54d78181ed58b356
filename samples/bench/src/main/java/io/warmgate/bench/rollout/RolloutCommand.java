package io.warmgate.bench.rollout;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rollout}: every chosen scenario behind real HAProxy, {@code --repeat} times, interleaved (one run of
 * each scenario, then the next repetition), so slow drifts of a shared machine spread over all scenarios alike.
 * Then the CSV files, one chart per group and the summary with medians and ranges. The two warm instances are
 * started and warmed once and serve every flow in which the rest of the fleet stays up.
 *
 * <p>A run that fails is reported and the others go on; the command then exits with status 1, so a broken
 * setup fails a CI run even though the figures themselves are never judged.
 */
public final class RolloutCommand {

    static final Map<String, String> DEFAULTS = CliOptions.defaults(
            "out", "samples/bench/target/rollout",
            "prefix", "rollout",
            "work", "samples/bench/target/rollout/work",
            "readme", "",
            "scenarios", "all",
            "repeat", "3",
            "sample", "tomcat",
            "nodes", "10",
            "rate", "300",
            "ids", "1000",
            "settle", "5s",
            "steady", "15s",
            "window", "60s",
            "tail", "15s",
            "join-timeout", "60s",
            "ramp", "60s",
            "check-interval", "1s",
            "warmup-rounds", "2",
            "burn-in", "15s",
            "pause", "2s",
            // The calibrated cold cost: each item's first request does 16 times the sample's default work
            // (about 22 ms of CPU), so a cold instance cannot carry a full share of this rate for a while. How it
            // was chosen: src/docs/benchmarks.md, "Calibrating the cold cost". --sample-properties '' runs the
            // sample as is.
            "sample-properties", "sample.catalog.cost-factor=16",
            "jvm-flags", "-Xmx256m -XX:+UseSerialGC",
            "haproxy", "haproxy",
            "seed", "42");
    /** Groups shown in the README when publishing (the section markers name them). */
    static final String README_SECTION_PREFIX = "rollout-";

    /** The agent's largest {@code warmup.record.lines}. */
    private static final int MAX_RECORDED_LINES = 2000;

    private RolloutCommand() {
    }

    public static String usage() {
        return CliOptions.usage("rollout", "Run from the repository root. --scenarios takes all, groups ("
                + String.join(",", ScenarioCatalog.groups()) + ") or scenario keys. Options and defaults:", DEFAULTS);
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
        if (!options.text("readme").isBlank()) {
            // Checked now, not after an hour of runs.
            Repository.requireFile(options.path("readme"), "--readme names the document whose tables to refresh");
        }

        List<String> facts = new ArrayList<>();
        facts.add("command: `" + ("java -jar samples/bench/target/warmgate-bench.jar rollout " + String.join(" ", args))
                .trim() + "` (effective options: " + options + ")");
        facts.add("started: " + Instant.now());
        facts.addAll(MachineFacts.describe());
        facts.add("HAProxy: " + haproxyVersion);
        facts.add("sample: " + sample.label() + " (" + sample.jar(root).getFileName() + "), JVM flags "
                + settings.jvmFlags() + ", system properties " + settings.sampleProperties());
        out.println("rollout experiment: " + settings.scenarios().size() + " scenarios x " + settings.repeat()
                + " runs, " + settings.nodes() + " nodes, " + settings.ratePerSecond() + " requests/s; logs and "
                + "configurations in " + work);
        out.println("machine load average: " + MachineFacts.loadAverage());

        Fleet fleet = new Fleet(settings, work.resolve("logs"));
        List<Integer> warmPorts = FreePorts.pick(2);
        List<ScenarioResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String warmAgentArgs = warmInstanceAgentArgs(settings, work);
        if (warmAgentArgs != null) {
            facts.add("warm instances: with the agent, recording the load they serve (" + warmAgentArgs + ")");
            out.println("the warm instances record the load they serve: -javaagent:...=" + warmAgentArgs);
        }
        try (SampleProcess warm1 = fleet.start(FlowContext.WARM_1, warmPorts.get(0), warmAgentArgs);
             SampleProcess warm2 = fleet.start(FlowContext.WARM_2, warmPorts.get(1), warmAgentArgs)) {
            warmSharedInstances(fleet, settings, List.of(warm1, warm2), out);
            FlowContext context = new FlowContext(settings, fleet, work, out, warm1, warm2);
            Map<Flow, ScenarioFlow> flows = flows(context);
            try {
                for (int repetition = 1; repetition <= settings.repeat(); repetition++) {
                    for (Scenario scenario : settings.scenarios()) {
                        out.printf("run %d/%d: %s (%s: %s), load average %s%n", repetition, settings.repeat(),
                                scenario.key(), scenario.group(), scenario.title(), MachineFacts.loadAverage());
                        try {
                            ScenarioResult result = flows.get(scenario.flow()).run(scenario, repetition);
                            results.add(result);
                            Summary s = result.summary();
                            out.printf(Locale.ROOT, "  window p99 %.2f ms, max %.2f ms; p99 after %.2f ms (%.1fx); "
                                            + "window errors %s; s with a node without healthy server %d; load %s%n",
                                    s.windowP99Ms(), s.windowMaxMs(), s.afterP99Ms(), s.windowToAfterP99(),
                                    s.windowErrors().describe(), s.secondsWithoutHealthyServer(),
                                    result.loadAverage());
                        } catch (RuntimeException | IOException e) {
                            String failure = scenario.key() + " run " + repetition + ": " + e.getMessage();
                            failures.add(failure);
                            out.println("  FAILED: " + failure);
                        }
                        writeOutputs(results, failures, settings, facts, outDir, prefix);
                        // Lets stopped JVMs and HAProxy release the CPU before the next run.
                        Thread.sleep(options.duration("pause").toMillis());
                    }
                }
            } finally {
                flows.values().forEach(ScenarioFlow::close);
            }
        }
        facts.add("finished: " + Instant.now() + ", load average " + MachineFacts.loadAverage());
        writeOutputs(results, failures, settings, facts, outDir, prefix);
        String readme = options.text("readme");
        if (!readme.isBlank()) {
            publishToReadme(options.path("readme"), results, settings, out);
        }
        out.println("written: " + outDir.resolve(prefix + "-summary.md") + " (and " + prefix + "-runs.csv, "
                + prefix + "-seconds.csv, one " + prefix + "-<group>.svg per group)");
        for (ScenarioAggregate aggregate : ScenarioAggregate.of(settings.scenarios(), results)) {
            out.println(aggregate.scenario().key() + ": " + RolloutReport.spread(aggregate, Summary::windowP99Ms,
                    LatencyChart::latencyLabel) + " window p99, " + RolloutReport.spread(aggregate,
                    Summary::windowToAfterP99, RolloutReport::ratio) + " of the p99 after");
        }
        if (!failures.isEmpty()) {
            out.println(failures.size() + " run(s) failed:");
            failures.forEach(failure -> out.println("  " + failure));
            return 1;
        }
        return 0;
    }

    private static Map<Flow, ScenarioFlow> flows(FlowContext context) {
        Map<Flow, ScenarioFlow> flows = new EnumMap<>(Flow.class);
        flows.put(Flow.JOIN, new JoinFlow(context));
        flows.put(Flow.FLEET_RESTART, new FleetRestartFlow(context));
        flows.put(Flow.STOP_ONE, new StopOneFlow(context));
        return flows;
    }

    private static void warmSharedInstances(Fleet fleet, RolloutSettings settings, List<SampleProcess> warm,
                                            PrintStream out) throws InterruptedException {
        out.printf("warm instances: pid %d port %d, pid %d port %d; warming them ...%n", warm.get(0).pid(),
                warm.get(0).port(), warm.get(1).pid(), warm.get(1).port());
        long start = System.nanoTime();
        fleet.warm(warm, Fleet.WARM_PASSES);
        fleet.burnIn(warm, settings.burnIn());
        out.printf(Locale.ROOT, "warmed in %.1f s (every item %d times, then %d s at %d requests/s)%n",
                (System.nanoTime() - start) / 1e9, Fleet.WARM_PASSES, settings.burnIn().toSeconds(),
                settings.ratePerSecond());
    }

    private static void writeOutputs(List<ScenarioResult> results, List<String> failures, RolloutSettings settings,
                                     List<String> facts, Path outDir, String prefix) throws IOException {
        int window = (int) settings.joinWindow().toSeconds();
        List<ScenarioAggregate> aggregates = ScenarioAggregate.of(settings.scenarios(), results);
        Files.writeString(outDir.resolve(prefix + "-seconds.csv"), RolloutCsv.seconds(results));
        Files.writeString(outDir.resolve(prefix + "-runs.csv"), RolloutCsv.runs(results));
        Files.writeString(outDir.resolve(prefix + "-summary.md"),
                RolloutReport.document(aggregates, window, facts, failures));
        for (String group : ScenarioCatalog.groups()) {
            List<ScenarioResult> drawn = aggregates.stream()
                    .filter(aggregate -> aggregate.scenario().group().equals(group))
                    .map(ScenarioAggregate::representative).toList();
            if (drawn.isEmpty()) {
                continue;
            }
            String subtitle = String.format(Locale.ROOT, "%d HAProxy nodes, %d req/s open loop, 3 x %s sample; "
                            + "ramp %d s; the median run of each scenario; %s", settings.nodes(),
                    settings.ratePerSecond(), settings.sample().label(), settings.ramp().toSeconds(),
                    MachineFacts.shortDescription());
            int firstSecond = (int) (settings.settle().toSeconds() - settings.steady().toSeconds());
            Files.writeString(outDir.resolve(prefix + "-" + group + ".svg"), new LatencyChart(drawn,
                    chartTitle(drawn.get(0).scenario().flow()), subtitle, firstSecond).render());
        }
    }

    private static String chartTitle(Flow flow) {
        return switch (flow) {
            case JOIN -> "A cold instance joins a load-balanced fleet";
            case FLEET_RESTART -> "The whole fleet restarts cold";
            case STOP_ONE -> "One instance of three is stopped";
        };
    }

    /** Refreshes each group's table in the README, between its {@code <!-- rollout-<group>:start -->} markers. */
    private static void publishToReadme(Path readme, List<ScenarioResult> results, RolloutSettings settings,
                                        PrintStream out) throws IOException {
        String text = Files.readString(readme);
        List<ScenarioAggregate> aggregates = ScenarioAggregate.of(settings.scenarios(), results);
        for (String group : ScenarioCatalog.groups()) {
            List<ScenarioAggregate> inGroup = aggregates.stream()
                    .filter(aggregate -> aggregate.scenario().group().equals(group)).toList();
            String section = README_SECTION_PREFIX + group;
            if (inGroup.isEmpty() || !text.contains(MarkedSection.start(section))) {
                continue;
            }
            text = MarkedSection.replace(text, section, RolloutReport.table(inGroup,
                    (int) settings.joinWindow().toSeconds()));
            out.println("README: refreshed the " + group + " table");
        }
        Files.writeString(readme, text);
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
                ScenarioCatalog.parse(options.text("scenarios")), options.text("haproxy"),
                Long.parseLong(options.text("seed")), options.integer("repeat", 1, 50), options.duration("burn-in"));
        if (settings.settle().compareTo(settings.steady()) >= 0) {
            throw new IllegalArgumentException("--settle must be shorter than --steady");
        }
        if (settings.itemIds() > 1000) {
            throw new IllegalArgumentException("--ids: the samples' catalog has 1000 items");
        }
        return settings;
    }

    /**
     * The warm instances run without the agent, unless a chosen scenario replays a recording: then they run it
     * only to record (see {@link AgentSetup#recordingArgs}), as the first instances of a deployment would.
     */
    private static String warmInstanceAgentArgs(RolloutSettings settings, Path work) {
        boolean replays = settings.scenarios().stream()
                .anyMatch(scenario -> scenario.withAgent() && scenario.agent().recordedWarmup());
        return replays ? AgentSetup.recordingArgs(FlowContext.recordFile(work),
                Math.min(settings.itemIds(), MAX_RECORDED_LINES)) : null;
    }
}
