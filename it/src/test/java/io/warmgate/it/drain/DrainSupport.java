package io.warmgate.it.drain;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** What the drain tests share: waiting for the ramp to be over, and how long a JVM may take to stop. */
final class DrainSupport {

    /**
     * What a sample may take to stop once the drain let the shutdown proceed (stopping its server, the shutdown
     * hooks): generous, for a 2-core machine shared with other test JVMs. Bounds are drain settings plus this.
     */
    static final Duration SHUTDOWN_ALLOWANCE = Duration.ofSeconds(8);
    private static final Duration RAMP_WAIT = Duration.ofSeconds(20);

    private DrainSupport() {
    }

    /** Checks from every node until each is allowed (200): the ramp is over. */
    static void awaitEveryNodeAllowed(SampleProcess sample, List<String> nodes, String healthPath)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RAMP_WAIT.toNanos();
        for (String node : nodes) {
            PeerClient client = PeerClient.toLoopback(node, sample.port());
            HttpResult check = client.get(healthPath);
            while (check.status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                check = client.get(healthPath);
            }
            if (check.status() != 200) {
                throw new AssertionError(node + " is still denied after " + RAMP_WAIT.toSeconds() + " s: " + check
                        + "\n" + sample.recentOutput());
            }
        }
        awaitSigtermHandler(sample);
    }

    /** Waits until the agent says its SIGTERM handler is installed (a moment after the first health check). */
    static void awaitSigtermHandler(SampleProcess sample) {
        if (sample.awaitStderr(line -> line.startsWith("[warmgate] SIGTERM handler installed"), RAMP_WAIT).isEmpty()) {
            throw new AssertionError("no SIGTERM handler installed\n" + sample.recentOutput());
        }
    }

    static HttpResult get(String client, int port, String path) throws IOException {
        return PeerClient.toLoopback(client, port).get(path);
    }

    /** Sends SIGTERM and returns how long the JVM took to exit, and its status (-1 if it did not within the bound). */
    static Exit terminateAndTime(SampleProcess sample, Duration bound) throws InterruptedException {
        long signalled = System.nanoTime();
        sample.terminate();
        int status = sample.awaitExit(bound).orElse(-1);
        return new Exit(status, Duration.ofNanos(System.nanoTime() - signalled));
    }

    /** How a JVM ended after SIGTERM. */
    record Exit(int status, Duration afterSignal) {
    }
}
