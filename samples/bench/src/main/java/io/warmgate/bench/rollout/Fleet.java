package io.warmgate.bench.rollout;

import io.warmgate.bench.SampleLauncher;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts sample instances for the experiment: the warm ones (no agent, shared by every scenario, warmed before
 * the first one) and, per scenario, the joining instance (with or without the agent).
 */
final class Fleet {

    /** The shared warm instances' warm-up: every id this many times, so caches are full and the JIT has compiled. */
    static final int WARM_PASSES = 3;
    private static final Duration WARM_LIMIT = Duration.ofMinutes(3);

    private final RolloutSettings settings;
    private final SampleLauncher launcher;

    Fleet(RolloutSettings settings, Path logDirectory) {
        this.settings = settings;
        this.launcher = new SampleLauncher(settings.repositoryRoot(), settings.jvmFlags(),
                settings.sampleProperties(), logDirectory);
    }

    /** Starts one instance on a fixed port, with the agent when {@code agentArgs} is not null. */
    SampleProcess start(String name, int port, String agentArgs) {
        return launcher.start(settings.sample(), name, port, agentArgs);
    }

    /** Starts one of the instances a scenario is about, with the scenario's own system properties. */
    SampleProcess start(String name, int port, String agentArgs, Scenario scenario) {
        return launcher.start(settings.sample(), name, port, agentArgs, scenario.sampleProperties());
    }

    /**
     * Requests every item id {@code passes} times from each instance directly (not through HAProxy), two
     * connections per instance, so they enter the experiment with full caches (and, after a few passes, compiled
     * code).
     */
    void warm(List<SampleProcess> instances, int passes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2 * instances.size());
        try {
            List<Future<?>> work = new ArrayList<>();
            long deadline = System.nanoTime() + WARM_LIMIT.toNanos();
            for (SampleProcess instance : instances) {
                HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();
                for (int lane = 0; lane < 2; lane++) {
                    int firstId = lane + 1;
                    work.add(pool.submit(() -> {
                        warmLane(client, instance.port(), firstId, passes, deadline);
                        return null;
                    }));
                }
            }
            for (Future<?> future : work) {
                try {
                    future.get(WARM_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("warming the instances failed: " + e, e);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends the experiment's request rate straight to the warm instances (no HAProxy) for {@code duration}, so
     * the first scenario does not start while they are still compiling the code paths this rate exercises.
     */
    void burnIn(List<SampleProcess> instances, Duration duration) throws InterruptedException {
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Integer> ports = instances.stream().map(SampleProcess::port).toList();
        OpenLoopLoad load = new OpenLoopLoad(new OpenLoopLoad.Plan(ports, settings.sample().path("/api/items"),
                settings.itemIds(), settings.seed() + 1, settings.ratePerSecond(), Duration.ofSeconds(10), 2_000,
                duration), new SecondsRecorder(origin, (int) duration.toSeconds() + 1), "");
        load.start();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(origin - System.nanoTime()) + duration.toMillis());
        load.stop();
        load.awaitDrained(Duration.ofSeconds(12));
    }

    /** Every second id starting at {@code firstId}, so two lanes cover all ids between them. */
    private void warmLane(HttpClient client, int port, int firstId, int passes, long deadline)
            throws IOException, InterruptedException {
        for (int pass = 0; pass < passes; pass++) {
            for (int id = firstId; id <= settings.itemIds(); id += 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("warming took longer than " + WARM_LIMIT.toMinutes() + " min");
                }
                URI uri = URI.create("http://127.0.0.1:" + port + settings.sample().path("/api/items") + "?id=" + id);
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode());
                }
            }
        }
    }
}
