package io.warmgate.it.support;

import io.warmgate.testkit.PeerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Business traffic for drain tests: one request after another from one client, with a pause between them, on a
 * daemon thread, until {@link #stop()}, a request limit or a time limit, whichever comes first. Every request is
 * recorded with when it was sent and what came back (a status, or the kind of failure).
 */
public final class BusinessLoad {

    /** One request: sent at {@code sentNanos} (System.nanoTime), answered with {@code status} or {@code failure}. */
    public record Result(long sentNanos, int status, String failure) {
        public boolean ok() {
            return failure == null && status == 200;
        }
    }

    private static final int MAX_REQUESTS = 5_000;

    private final List<Result> results = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    private BusinessLoad(PeerClient client, String path, Duration pause, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        thread = new Thread(() -> {
            for (int i = 0; i < MAX_REQUESTS && !stopped && System.nanoTime() < deadline; i++) {
                long sent = System.nanoTime();
                Result result;
                try {
                    result = new Result(sent, client.get(path).status(), null);
                } catch (IOException failed) {
                    result = new Result(sent, -1, failed.getClass().getSimpleName());
                }
                synchronized (results) {
                    results.add(result);
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(pause.toNanos());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "business-load");
        thread.setDaemon(true);
    }

    /** Starts sending {@code GET path} at once. */
    public static BusinessLoad start(PeerClient client, String path, Duration pause, Duration limit) {
        BusinessLoad load = new BusinessLoad(client, path, pause, limit);
        load.thread.start();
        return load;
    }

    /** Stops after the request in flight, and waits for it. */
    public void stop() throws InterruptedException {
        stopped = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    public List<Result> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** When the last request was sent; -1 before the first. */
    public long lastSentNanos() {
        List<Result> all = results();
        return all.isEmpty() ? -1L : all.get(all.size() - 1).sentNanos();
    }
}
