package io.warmgate.bench.rollout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One HAProxy process in the foreground ({@code -db}), so the PID we hold is HAProxy itself and stopping it by
 * that PID stops everything it started. A shutdown hook kills it if the bench JVM exits without {@link #close()}.
 */
public final class HaproxyProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Thread killOnExit;
    private final HttpClient statsClient;
    private final URI statsUri;
    private final Path logFile;

    private HaproxyProcess(Process process, int statsPort, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-haproxy-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        this.statsClient = HttpClient.newBuilder()
                .proxy(ProxySelector.of(null)) // never through a proxy: the stats page is on loopback
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.statsUri = URI.create("http://127.0.0.1:" + statsPort + HaproxyConfig.STATS_PATH + ";csv");
    }

    /**
     * Checks the configuration with {@code haproxy -c}, then starts HAProxy and waits until its statistics page
     * answers.
     *
     * @throws IllegalStateException with HAProxy's own message when the configuration is rejected or it exits
     */
    public static HaproxyProcess start(String executable, Path configFile, int statsPort, Path logFile)
            throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        Process check = new ProcessBuilder(executable, "-c", "-q", "-f", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IllegalStateException("haproxy rejected " + configFile + ":\n" + Files.readString(logFile));
        }
        Process process = new ProcessBuilder(executable, "-db", "-f", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        process.getOutputStream().close();
        HaproxyProcess haproxy = new HaproxyProcess(process, statsPort, logFile);
        try {
            haproxy.awaitStats();
        } catch (IOException | InterruptedException | RuntimeException e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    public long pid() {
        return process.pid();
    }

    /** The current server states of every node. */
    public List<HaproxyStats.ServerState> serverStates() throws IOException, InterruptedException {
        HttpResponse<String> response = statsClient.send(
                HttpRequest.newBuilder(statsUri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HAProxy statistics answered " + response.statusCode());
        }
        return HaproxyStats.parse(response.body());
    }

    /**
     * Polls the statistics until {@code condition} holds, at most {@code timeout}.
     *
     * @return whether it held in time
     */
    public boolean awaitStates(Predicate<List<HaproxyStats.ServerState>> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            requireAlive();
            try {
                if (condition.test(serverStates())) {
                    return true;
                }
            } catch (IOException e) {
                // not answering for a moment; try again until the deadline
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void awaitStats() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            requireAlive();
            try {
                serverStates();
                return;
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IOException("HAProxy statistics did not answer within " + START_TIMEOUT.toSeconds() + " s on "
                + new InetSocketAddress("127.0.0.1", statsUri.getPort()), last);
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            String log;
            try {
                log = Files.readString(logFile);
            } catch (IOException e) {
                log = "(log unreadable: " + e + ")";
            }
            throw new IllegalStateException("haproxy exited with code " + process.exitValue() + ":\n" + log);
        }
    }

    /** Stops HAProxy by its PID: SIGTERM (immediate stop), then SIGKILL if it has not exited within a few seconds. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
