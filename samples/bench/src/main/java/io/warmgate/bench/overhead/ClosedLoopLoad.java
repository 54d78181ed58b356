package io.warmgate.bench.overhead;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code threads} clients, each sending its next request as soon as the previous one is
 * answered, for a fixed time. Measures the most the server can do (throughput), not latency under a given rate.
 */
final class ClosedLoopLoad {

    /** The outcome of one run. */
    record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
        double throughput() {
            return requests / seconds;
        }
    }

    private ClosedLoopLoad() {
    }

    /**
     * @param baseUri   e.g. {@code http://127.0.0.1:8080/shop/api/items}
     * @param itemIds   ids are drawn uniformly from 1..itemIds
     * @param duration  how long; also bounds the request count (no client exceeds 100,000 requests per second)
     */
    static Result run(String baseUri, int itemIds, int threads, Duration duration, long seed)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(null))
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long maxPerThread = 100_000L * Math.max(1, duration.toSeconds());
        List<Future<Result>> lanes = new ArrayList<>();
        for (int lane = 0; lane < threads; lane++) {
            long laneSeed = seed + lane;
            lanes.add(pool.submit(() -> lane(client, baseUri, itemIds, deadline, maxPerThread, laneSeed)));
        }
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long requests = 0;
        long errors = 0;
        try {
            for (Future<Result> lane : lanes) {
                Result result = lane.get(duration.toSeconds() + 30, TimeUnit.SECONDS);
                requests += result.requests();
                errors += result.errors();
                latency.add(result.latencyMicros());
            }
        } catch (Exception e) {
            throw new IllegalStateException("closed-loop load failed: " + e, e);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        return new Result(requests, errors, (System.nanoTime() - start) / 1e9, latency);
    }

    /** Requests ids 1..itemIds once each, in order, so the sample's cache holds every item. */
    static void everyIdOnce(String baseUri, int itemIds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();
        for (int id = 1; id <= itemIds; id++) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUri + "?id=" + id))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(baseUri + "?id=" + id + " answered " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("warming " + baseUri + " failed: " + e, e);
            }
        }
    }

    private static Result lane(HttpClient client, String baseUri, int itemIds, long deadline, long maxRequests,
                               long seed) {
        SplittableRandom ids = new SplittableRandom(seed);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long requests = 0;
        long errors = 0;
        long start = System.nanoTime();
        while (requests < maxRequests && System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "?id=" + (1 + ids.nextInt(itemIds))))
                    .timeout(Duration.ofSeconds(10)).build();
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    errors++;
                }
            } catch (Exception e) {
                errors++;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            latency.recordValue(Math.min(TimeUnit.SECONDS.toMicros(60), (System.nanoTime() - sent) / 1_000));
            requests++;
        }
        return new Result(requests, errors, (System.nanoTime() - start) / 1e9, latency);
    }
}
