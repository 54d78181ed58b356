package io.warmgate.bench.overhead;

import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.FreePorts;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.bench.Statistics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code startup}: time from forking the JVM to the first successful request ({@code <base>/api/stats}, 200),
 * with and without the agent, for every sample that is built. Runs alternate between the two arms, so a change
 * in the machine's load affects both alike; the report gives medians and the difference.
 */
public final class StartupCommand {

    static final Map<String, String> DEFAULTS = defaults();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private StartupCommand() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("out", "samples/bench/target/overhead");
        defaults.put("work", "samples/bench/target/startup");
        defaults.put("samples", "all");
        defaults.put("runs", "7");
        defaults.put("timeout", "120s");
        defaults.put("jvm-flags", "-Xmx256m -XX:+UseSerialGC");
        return defaults;
    }

    public static String usage() {
        return "usage: java -jar samples/bench/target/warmgate-bench.jar startup [--option value ...]\n  "
                + DEFAULTS.toString().replace(", ", "\n  ").replace("{", "").replace("}", "")
                + "\n  --samples: all (every built sample) or a comma-separated list of tomcat, jetty, jersey3-grizzly,"
                + " jersey2-servlet, spring-boot2, spring-boot3, spring-boot3-webflux";
    }

    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path root = Repository.root();
        Repository.requireFile(root.resolve(Repository.AGENT_JAR), "build the agent first");
        int runs = options.integer("runs", 1, 100);
        Duration timeout = options.duration("timeout");
        Path work = options.path("work");
        Files.createDirectories(work);
        SampleLauncher launcher = new SampleLauncher(root, SampleLauncher.splitFlags(options.text("jvm-flags")),
                Map.of(), work);
        String loadBefore = MachineFacts.loadAverage();
        List<BenchSample> samples = samples(options.text("samples"), root, out);
        StringBuilder csv = new StringBuilder("sample,agent,run,millis\n");
        StringBuilder table = new StringBuilder("| sample | without agent (median) | with agent (median) | added |"
                + " runs |\n|---|---:|---:|---:|---:|\n");
        for (BenchSample sample : samples) {
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                // ABBA order: neither arm always goes first after the previous JVM exited.
                boolean agentFirst = run % 2 == 1;
                for (boolean agent : agentFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    double millis = timeOnce(launcher, sample, agent, run, timeout, work);
                    (agent ? with : without).add(millis);
                    csv.append(sample.label()).append(',').append(agent).append(',').append(run + 1).append(',')
                            .append(String.format(Locale.ROOT, "%.1f", millis)).append('\n');
                }
            }
            double medianWithout = Statistics.median(without);
            double medianWith = Statistics.median(with);
            String line = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %+.0f ms | %d |%n", sample.label(),
                    medianWithout, medianWith, medianWith - medianWithout, runs);
            out.print(line);
            table.append(line);
        }
        StringBuilder md = new StringBuilder("# Start-up time to the first successful request\n\n").append(table)
                .append("\nMeasured from forking the JVM to the first 200 answer of `<base>/api/stats`, polled every ")
                .append(POLL_INTERVAL.toMillis()).append(" ms. The agent runs with its default configuration.\n\n")
                .append("- command: `java -jar samples/bench/target/warmgate-bench.jar startup` (effective options: ")
                .append(options).append(")\n- date: ").append(Instant.now()).append('\n');
        for (String fact : MachineFacts.describe()) {
            md.append("- ").append(fact).append('\n');
        }
        md.append("- load average before -> after: ").append(loadBefore).append(" -> ")
                .append(MachineFacts.loadAverage()).append('\n');
        Path outDir = options.path("out");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("startup.csv"), csv);
        Files.writeString(outDir.resolve("startup.md"), md);
        return 0;
    }

    private static List<BenchSample> samples(String text, Path root, PrintStream out) {
        List<BenchSample> samples = new ArrayList<>();
        if (text.equals("all")) {
            for (BenchSample sample : BenchSample.values()) {
                if (sample.isBuilt(root)) {
                    samples.add(sample);
                } else {
                    out.println("skipping " + sample.label() + ": " + sample.jar(root) + " is not built");
                }
            }
        } else {
            for (String label : text.split(",")) {
                BenchSample sample = BenchSample.fromLabel(label.trim());
                Repository.requireFile(sample.jar(root), "build the sample first");
                samples.add(sample);
            }
        }
        return samples;
    }

    /**
     * Times one start. The port is chosen before the JVM starts (the poll needs it); if another process takes
     * it in the meantime the sample exits with "Address already in use", and the start is repeated on a new port.
     */
    private static double timeOnce(SampleLauncher launcher, BenchSample sample, boolean agent, int run,
                                   Duration timeout, Path work) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return timeOnceOnPort(launcher, sample, agent, run, timeout, work, FreePorts.pick());
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw new IllegalStateException(e.getMessage());
                }
            }
        }
    }

    /** The port chosen for a start was taken by another process before the sample could bind it. */
    private static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
    }

    /** Forks the sample, polls until the first 200, stops it by PID; returns the elapsed milliseconds. */
    private static double timeOnceOnPort(SampleLauncher launcher, BenchSample sample, boolean agent, int run,
                                         Duration timeout, Path work, int port)
            throws IOException, InterruptedException, PortTakenException {
        String name = sample.label() + (agent ? "-agent-" : "-plain-") + (run + 1);
        List<String> command = launcher.command(sample, name, port, agent ? "" : null);
        URL url = new URL("http://127.0.0.1:" + port + sample.path("/api/stats"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile())
                .start();
        try {
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String why = name + " exited with code " + process.exitValue() + "; see " + work.resolve(name
                            + ".log");
                    if (Files.readString(work.resolve(name + ".log")).contains("Address already in use")) {
                        throw new PortTakenException(why);
                    }
                    throw new IllegalStateException(why);
                }
                if (answers200(url)) {
                    return (System.nanoTime() - start) / 1e6;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            throw new IllegalStateException(name + " did not answer " + url + " within " + timeout.toSeconds() + " s");
        } finally {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean answers200(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(5_000);
            try {
                int status = connection.getResponseCode();
                connection.getInputStream().readAllBytes();
                return status == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }
}
