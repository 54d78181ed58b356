package io.warmgate.bench.rollout;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request i is due at {@code origin + i / rate}, whether or not earlier requests
 * have been answered, like independent users. Requests go round robin over the load-balancer nodes' frontends,
 * each for a random item id (seeded, so every scenario sends the same sequence).
 *
 * <p>Bounded in count (rate x the hard limit) and time (the hard limit), and in concurrency: a request due while
 * {@code maxInFlight} are outstanding is not sent but recorded as a failure, so a stuck system cannot make the
 * generator pile up connections without end.
 */
public final class OpenLoopLoad {

    /** What the generator sends and how hard. */
    public record Plan(List<Integer> frontendPorts, String itemsPath, int itemIds, long seed, int ratePerSecond,
                       Duration requestTimeout, int maxInFlight, Duration hardLimit) {
    }

    private final Plan plan;
    private final SecondsRecorder recorder;
    private final String newInstanceName;
    private final ExecutorService completions;
    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final Thread scheduler;
    private volatile boolean running = true;

    /**
     * @param newInstanceName the {@link HaproxyConfig#SERVED_BY_HEADER} value that marks the joining instance
     */
    public OpenLoopLoad(Plan plan, SecondsRecorder recorder, String newInstanceName) {
        this.plan = plan;
        this.recorder = recorder;
        this.newInstanceName = newInstanceName;
        this.completions = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load-completions");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(null)) // all traffic stays on loopback, whatever the proxy settings
                .connectTimeout(Duration.ofSeconds(2))
                .executor(completions)
                .build();
        this.scheduler = new Thread(this::sendOnSchedule, "open-loop-scheduler");
        this.scheduler.setDaemon(true);
    }

    /** Starts sending; request 0 is due at the recorder's origin. */
    public void start() {
        scheduler.start();
    }

    /** Stops sending new requests; outstanding ones still complete (see {@link #awaitDrained}). */
    public void stop() throws InterruptedException {
        running = false;
        scheduler.interrupt();
        scheduler.join(5_000);
    }

    /** Waits until no request is outstanding, at most {@code timeout}; then releases the client's threads. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        boolean drained = inFlight.get() == 0;
        completions.shutdownNow();
        completions.awaitTermination(2, TimeUnit.SECONDS);
        return drained;
    }

    public long sent() {
        return sent.get();
    }

    /** Requests that were due but not sent because {@code maxInFlight} were outstanding. */
    public long notSent() {
        return notSent.get();
    }

    private void sendOnSchedule() {
        SplittableRandom ids = new SplittableRandom(plan.seed());
        URI[] frontends = plan.frontendPorts().stream()
                .map(port -> URI.create("http://127.0.0.1:" + port)).toArray(URI[]::new);
        double periodNanos = 1e9 / plan.ratePerSecond();
        long maxRequests = (long) plan.ratePerSecond() * Math.max(1, plan.hardLimit().toSeconds());
        long origin = recorder.originNanos();
        for (long i = 0; i < maxRequests && running; i++) {
            long due = origin + (long) (i * periodNanos);
            if (!waitUntil(due)) {
                return;
            }
            URI target = frontends[(int) (i % frontends.length)]
                    .resolve(plan.itemsPath() + "?id=" + (1 + ids.nextInt(plan.itemIds())));
            send(target, due);
        }
    }

    private boolean waitUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            if (!running) {
                return false;
            }
            LockSupport.parkNanos(wait);
        }
        return running;
    }

    private void send(URI target, long due) {
        if (inFlight.get() >= plan.maxInFlight()) {
            notSent.incrementAndGet();
            recorder.recordFailure(due, System.nanoTime());
            return;
        }
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(plan.requestTimeout()).GET().build();
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                inFlight.decrementAndGet();
                if (failure != null) {
                    recorder.recordFailure(due, now);
                } else {
                    String servedBy = response.headers().firstValue(HaproxyConfig.SERVED_BY_HEADER).orElse(null);
                    recorder.recordAnswer(due, now, response.statusCode(), servedBy,
                            newInstanceName.equals(servedBy));
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            recorder.recordFailure(due, System.nanoTime());
        }
    }
}
