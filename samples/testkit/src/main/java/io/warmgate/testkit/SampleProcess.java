package io.warmgate.testkit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample service running in its own JVM, optionally with the warmgate agent attached: the real thing, not a
 * mock, so the agent is exercised exactly as users attach it.
 *
 * <p>Both output streams are read on daemon threads into line lists (the agent logs to stderr) and mirrored to
 * {@code <logDirectory>/<name>.log}, which is where to look when a test fails. {@link #start} returns once the
 * sample printed {@code SAMPLE READY port=N}. {@link #close()} stops the process.
 */
public final class SampleProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("SAMPLE READY port=(\\d+)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int OUTPUT_LINES_IN_ERRORS = 60;

    private final String name;
    private final Process process;
    private final List<String> command;
    private final Path logFile;
    private final Writer log;
    private final LineBuffer stdout = new LineBuffer();
    private final LineBuffer stderr = new LineBuffer();
    private final List<Thread> pumps = new ArrayList<>();
    private final Thread killOnExit;
    private volatile int port = -1;

    private SampleProcess(String name, List<String> command, Path logFile) throws IOException {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        Files.createDirectories(logFile.getParent());
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        writeLog("# " + String.join(" ", command));
        try {
            this.process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            closeLog();
            throw e;
        }
        process.getOutputStream().close(); // the samples never read stdin
        // If the JVM that forked the sample dies without calling close(), the sample must not outlive it.
        this.killOnExit = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        pumps.add(pump(process.getInputStream(), stdout, "out| "));
        pumps.add(pump(process.getErrorStream(), stderr, "err| "));
    }

    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The HTTP port the sample announced. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException(name + " has not announced its port");
        }
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    public List<String> stdoutLines() {
        return stdout.snapshot();
    }

    /** Everything the sample (and the agent inside it) printed to stderr so far. */
    public List<String> stderrLines() {
        return stderr.snapshot();
    }

    /** Waits, at most {@code timeout}, for a stderr line (earlier or future) that matches. */
    public Optional<String> awaitStderr(Predicate<String> matcher, Duration timeout) {
        try {
            return stderr.await(matcher, timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last lines of both streams, for failure messages. */
    public String recentOutput() {
        return "--- stdout of " + name + " ---\n" + tail(stdout.snapshot())
                + "--- stderr of " + name + " ---\n" + tail(stderr.snapshot())
                + "--- full log: " + logFile + " ---";
    }

    /**
     * Sends the sample SIGTERM and returns at once. Through its {@link ProcessHandle}: {@link Process#destroy()}
     * also closes this side of the sample's output pipes, and what it prints while it stops would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /**
     * Waits, at most {@code timeout}, for the sample to exit.
     *
     * @return its exit status (143 after SIGTERM through the JVM's own handler), or empty if it still runs
     */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** Stops the sample: a normal termination request first, then a forced kill if it does not exit in time. */
    @Override
    public void close() {
        try {
            terminate(); // not Process.destroy(): the lines printed while stopping (the agent's drain) are kept
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (Thread pump : pumps) {
                pump.join(2_000); // the pipes close when the process is gone, which ends the pumps
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is about to run anyway
            }
            closeLog();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Optional<String> ready = stdout.await(line -> READY.matcher(line).find(), timeout.toNanos());
        if (ready.isPresent()) {
            Matcher matcher = READY.matcher(ready.get());
            matcher.find();
            port = Integer.parseInt(matcher.group(1));
            return;
        }
        // Either the stream ended (the JVM exited) or the time ran out; both are fatal for a test.
        boolean exited = process.waitFor(2, TimeUnit.SECONDS);
        String why = exited
                ? name + " exited with code " + process.exitValue() + " before it printed SAMPLE READY"
                : name + " printed no SAMPLE READY line within " + timeout.toSeconds() + " s";
        close();
        throw new SampleStartException(why + "\ncommand: " + String.join(" ", command) + "\n" + recentOutput());
    }

    private Thread pump(InputStream stream, LineBuffer lines, String logPrefix) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    writeLog(logPrefix + line);
                }
            } catch (IOException streamClosed) {
                // the process is gone; whatever it printed is already recorded
            } finally {
                lines.end();
            }
        }, name + "-" + logPrefix.substring(0, 3));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void writeLog(String line) {
        synchronized (log) {
            try {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush(); // flushed per line: the log must be complete even if the test JVM is killed
            } catch (IOException e) {
                // a full disk must not break the sample; the in-memory lines are still there
            }
        }
    }

    private void closeLog() {
        synchronized (log) {
            try {
                log.close();
            } catch (IOException ignored) {
                // nothing useful left to do
            }
        }
    }

    private static String tail(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_IN_ERRORS), lines.size())) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** Thrown when the sample JVM exits or stays silent instead of announcing its port. */
    public static final class SampleStartException extends RuntimeException {
        SampleStartException(String message) {
            super(message);
        }
    }

    /** Describes the JVM to fork. Only the jar is required. */
    public static final class Builder {
        private final Path jar;
        private String name;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path agentJar;
        private String agentArgs = "";
        private final List<String> jvmFlags = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private Path logDirectory = Path.of(System.getProperty("java.io.tmpdir"), "warmgate-sample-logs");
        private Duration readyTimeout = Duration.ofSeconds(60);

        private Builder(Path jar) {
            this.jar = Objects.requireNonNull(jar, "jar").toAbsolutePath();
            this.name = this.jar.getFileName().toString().replaceFirst("\\.jar$", "");
            // Port 0: the sample picks a free port and announces it, so parallel runs never collide.
            systemProperties.put("sample.port", "0");
        }

        /** Names the log file and the pump threads. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The JDK to run the sample on; defaults to the one running this code. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
            return this;
        }

        /** Attaches the agent as {@code -javaagent:<jar>[=<args>]}; empty args attach it with defaults. */
        public Builder agent(Path agentJar, String agentArgs) {
            this.agentJar = Objects.requireNonNull(agentJar, "agentJar").toAbsolutePath();
            this.agentArgs = agentArgs == null ? "" : agentArgs;
            return this;
        }

        public Builder jvmFlag(String flag) {
            jvmFlags.add(Objects.requireNonNull(flag, "flag"));
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder logDirectory(Path directory) {
            this.logDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The command line {@link #start()} runs. */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(javaExecutable().toString());
            if (agentJar != null) {
                command.add("-javaagent:" + agentJar + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
            }
            command.addAll(jvmFlags);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jar.toString());
            return command;
        }

        /**
         * Forks the JVM and waits until it announced its port.
         *
         * @throws SampleStartException if it exits first or stays silent for the ready timeout
         */
        public SampleProcess start() {
            requireFile(jar, "sample jar");
            requireFile(javaExecutable(), "java executable");
            if (agentJar != null) {
                requireFile(agentJar, "agent jar");
            }
            SampleProcess sample;
            try {
                sample = new SampleProcess(name, command(), logDirectory.resolve(name + ".log"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name, e);
            }
            try {
                sample.awaitReady(readyTimeout);
            } catch (InterruptedException e) {
                sample.close();
                Thread.currentThread().interrupt();
                throw new SampleStartException("interrupted while waiting for " + name + " to start");
            }
            return sample;
        }

        private Path javaExecutable() {
            Path unix = javaHome.resolve("bin").resolve("java");
            Path windows = javaHome.resolve("bin").resolve("java.exe");
            return Files.exists(windows) && !Files.exists(unix) ? windows : unix;
        }

        private static void requireFile(Path file, String what) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(what + " not found: " + file);
            }
        }
    }
}
