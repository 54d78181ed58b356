package io.warmgate.bench.overhead;

import io.warmgate.testkit.FreePorts;
import io.warmgate.bench.BenchSample;
import io.warmgate.bench.CliOptions;
import io.warmgate.bench.MachineFacts;
import io.warmgate.bench.Repository;
import io.warmgate.bench.SampleLauncher;
import io.warmgate.bench.calibration.ProcessCpu;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code startup}: what attaching an agent costs a sample's start, in four arms run interleaved: no agent; an
 * agent whose {@code premain} does nothing; the same plus a transformer that returns null (the floor every
 * instrumenting agent pays); and warmgate (optionally a second warmgate jar as a fifth arm, to compare builds).
 * Each start is timed from forking the JVM to the first successful request ({@code <base>/api/stats}, 200); the
 * process's CPU time is read at that moment, and the JVM's class-load log tells how many classes the agent loaded
 * before the application's main class. The report gives medians and ranges per sample and arm.
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
        defaults.put("samples", "tomcat,jetty,jersey3-grizzly,spring-boot3");
        defaults.put("runs", "11");
        defaults.put("timeout", "120s");
        defaults.put("jvm-flags", "-Xmx256m -XX:+UseSerialGC");
        defaults.put("agent", Repository.AGENT_JAR.toString());
        defaults.put("compare-agent", "none");
        return defaults;
    }

    public static String usage() {
        return "usage: java -jar samples/bench/target/warmgate-bench.jar startup [--option value ...]\n  "
                + DEFAULTS.toString().replace(", ", "\n  ").replace("{", "").replace("}", "")
                + "\n  --samples: all (every built sample) or a comma-separated list of tomcat, jetty, filter-jetty,"
                + " undertow-core, undertow-servlet, jersey3-grizzly, jersey2-servlet, spring-boot2, spring-boot3, spring-boot3-webflux, micronaut"
                + ", vertx, vertx4, quarkus"
                + "\n  --runs: starts per sample and arm; the arms take turns going first"
                + "\n  --agent: the warmgate jar of the fourth arm"
                + "\n  --compare-agent: another warmgate jar, run as a fifth arm (a build from before a change, say)";
    }

    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path root = Repository.root();
        Path agent = Repository.requireFile(options.path("agent"), "build the agent first");
        Path compareAgent = options.text("compare-agent").equals("none") ? null
                : Repository.requireFile(options.path("compare-agent"), "give an existing agent jar");
        int runs = options.integer("runs", 1, 100);
        Duration timeout = options.duration("timeout");
        Path work = options.path("work");
        Files.createDirectories(work);
        SampleLauncher launcher = new SampleLauncher(root, SampleLauncher.splitFlags(options.text("jvm-flags")),
                Map.of(), work);
        List<StartupArm> arms = StartupArm.all(agent, compareAgent, work);
        String loadBefore = MachineFacts.loadAverage();
        List<String> machine = MachineFacts.describe(); // now: it names the load average at the start
        Instant started = Instant.now();
        List<BenchSample> samples = samples(options.text("samples"), root, out);
        StringBuilder csv = new StringBuilder(StartupReport.CSV_HEADER);
        StringBuilder table = new StringBuilder(StartupReport.tableHeader());
        StringBuilder loads = new StringBuilder();
        List<StartupRun> all = new ArrayList<>();
        out.print(StartupReport.tableHeader());
        for (BenchSample sample : samples) {
            String mainClass = mainClass(sample.jar(root));
            String sampleLoadBefore = MachineFacts.loadAverage();
            for (int run = 0; run < runs; run++) {
                for (StartupArm arm : StartupArm.orderOfRun(arms, run)) {
                    StartupRun result = timeOnce(launcher, sample, arm, run + 1, mainClass, timeout, work);
                    all.add(result);
                    csv.append(StartupReport.csvLine(result));
                }
            }
            String rows = StartupReport.rows(sample.label(), arms, all);
            out.print(rows);
            table.append(rows);
            loads.append("- load average (1, 5, 15 min) before -> after ").append(sample.label()).append(": ")
                    .append(sampleLoadBefore).append(" -> ").append(MachineFacts.loadAverage()).append('\n');
        }
        Path outDir = options.path("out");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("startup.csv"), csv);
        Files.writeString(outDir.resolve("startup.md"), markdown(table, loads, options, runs, arms, started,
                loadBefore, machine));
        return 0;
    }

    private static String markdown(CharSequence table, CharSequence loads, CliOptions options, int runs,
                                   List<StartupArm> arms, Instant started, String loadBefore,
                                   List<String> machine) {
        StringBuilder md = new StringBuilder("# Start-up: what an agent costs, in four arms\n\n").append(table)
                .append("\nEach figure is the median of ").append(runs).append(" starts, with the smallest and largest"
                        + " in brackets; \"added\" is the difference of the medians to the arm without agent. The"
                        + " arms: ");
        for (int i = 0; i < arms.size(); i++) {
            StartupArm arm = arms.get(i);
            md.append(i == 0 ? "" : "; ").append(arm.label()).append(arm.agentJar() == null ? ""
                    : " (`-javaagent:" + arm.agentJar().getFileName() + "`)");
        }
        md.append(". Run r starts the arms in turn, beginning with arm r (mod ").append(arms.size())
                .append("), so each arm goes first equally often.\n\n")
                .append("First answer: from forking the JVM to the first 200 of `<base>/api/stats`, polled every ")
                .append(POLL_INTERVAL.toMillis()).append(" ms. CPU: user + system time of the sample's process (all"
                        + " threads) read from `/proc/<pid>/stat` right after that answer, in 10 ms ticks. Classes:"
                        + " from the JVM's `-Xlog:class+load` output of the same start (every run logs it, so the"
                        + " times include writing that log), counted up to the sample jar's `Main-Class`; agent classes"
                        + " are those whose source is the arm's agent jar, plus the bridge classes defined straight into"
                        + " the boot loader (`source: __JVM_DefineClass__`, `io.warmgate.*`).\n\n")
                .append("- command: `java -jar samples/bench/target/warmgate-bench.jar startup` (effective options: ")
                .append(options).append(")\n- started: ").append(started).append(", ended: ").append(Instant.now())
                .append('\n');
        for (String fact : machine) {
            md.append("- ").append(fact).append('\n');
        }
        md.append(loads).append("- load average before -> after the whole run: ").append(loadBefore).append(" -> ")
                .append(MachineFacts.loadAverage()).append('\n')
                .append("- the machine was shared with other work while this ran: the load averages above say how"
                        + " busy it was\n");
        return md.toString();
    }

    /** The sample jar's {@code Main-Class}: the class before which the agent's classes are counted. */
    private static String mainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException(jar + " names no Main-Class");
            }
            return main.trim();
        }
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
    private static StartupRun timeOnce(SampleLauncher launcher, BenchSample sample, StartupArm arm, int run,
                                       String mainClass, Duration timeout, Path work)
            throws IOException, InterruptedException {
        String name = sample.label() + "-" + arm.label().replaceAll("[^A-Za-z0-9]+", "-") + "-" + run;
        for (int attempt = 1; ; attempt++) {
            try {
                Path classLog = work.resolve(name + ".classes.log");
                Files.deleteIfExists(classLog);
                double[] timeAndCpu = timeOnceOnPort(launcher, sample, arm, name, classLog, timeout, work,
                        FreePorts.pick());
                ClassLoadLog.BeforeMain classes = ClassLoadLog.read(classLog, mainClass, arm.agentJarName());
                if (!classes.mainClassSeen()) {
                    throw new IllegalStateException(classLog + " never names the main class " + mainClass);
                }
                return new StartupRun(sample.label(), arm.label(), run, timeAndCpu[0], timeAndCpu[1],
                        classes.agentClasses(), classes.allClasses());
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

    /**
     * Forks the sample, polls until the first 200, reads the process's CPU time, stops it by PID; returns the
     * elapsed milliseconds and the CPU milliseconds (NaN where {@code /proc} cannot be read).
     */
    private static double[] timeOnceOnPort(SampleLauncher launcher, BenchSample sample, StartupArm arm, String name,
                                           Path classLog, Duration timeout, Path work, int port)
            throws IOException, InterruptedException, PortTakenException {
        List<String> command = launcher.command(sample, name, port, arm.agentJar(), "",
                List.of("-Xlog:class+load=info:file=" + classLog + ":uptime"));
        URL url = new URL("http://127.0.0.1:" + port + sample.path("/api/stats"));
        Path log = work.resolve(name + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String why = name + " exited with code " + process.exitValue() + "; see " + log;
                    if (Files.readString(log).contains("Address already in use")) {
                        throw new PortTakenException(why);
                    }
                    throw new IllegalStateException(why);
                }
                if (answers200(url)) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    return new double[] {millis, cpuMillis(process.pid())};
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

    private static double cpuMillis(long pid) {
        try {
            return ProcessCpu.millis(pid);
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
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
