package io.warmgate.it.support;

import io.warmgate.testkit.PeerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays many load-balancer nodes against one sample at once and records every answer.
 *
 * <p>Each polling loop runs on its own thread and sends one request at a time, like a real health checker:
 * when an answer is slow the next request is simply later, never concurrent. Every loop stops at the deadline
 * and after a bounded number of requests, whichever comes first.
 */
public final class RampProbe {

    /** How long a single request may take; a gate decision is instantaneous, so this only bounds a hang. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private record Request(String peer, String path) {
    }

    /** Sends the requests of {@code cycle} in turn, one every {@code interval}. */
    private record Loop(List<Request> cycle, Duration interval, Duration startOffset) {
    }

    private final int port;
    private final List<Loop> loops = new ArrayList<>();

    private RampProbe(int port) {
        this.port = port;
    }

    public static RampProbe against(int port) {
        return new RampProbe(port);
    }

    /** Each peer gets its own loop that requests {@code path} every {@code interval}. */
    public RampProbe pollEachPeer(List<String> peers, String path, Duration interval) {
        for (int i = 0; i < peers.size(); i++) {
            // Staggered starts spread the requests over the interval instead of sending them in bursts.
            Duration offset = interval.multipliedBy(i).dividedBy(peers.size());
            loops.add(new Loop(List.of(new Request(peers.get(i), path)), interval, offset));
        }
        return this;
    }

    /** One extra loop that walks through every (peer, path) pair in turn, one request every {@code interval}. */
    public RampProbe cycleThrough(List<String> peers, List<String> paths, Duration interval) {
        List<Request> cycle = new ArrayList<>();
        for (String peer : peers) {
            for (String path : paths) {
                cycle.add(new Request(peer, path));
            }
        }
        loops.add(new Loop(List.copyOf(cycle), interval, Duration.ZERO));
        return this;
    }

    /** Runs all loops until {@code deadlineNanos} ({@link System#nanoTime()}) and returns what they saw. */
    public Recording runUntil(long deadlineNanos) {
        Queue<Observation> seen = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, loops.size()));
        long start = System.nanoTime();
        try {
            for (Loop loop : loops) {
                threads.execute(() -> run(loop, start, deadlineNanos, seen));
            }
        } finally {
            threads.shutdown();
        }
        awaitLoops(threads, deadlineNanos);
        return new Recording(new ArrayList<>(seen));
    }

    /** One request from one peer, outside any loop (e.g. the first health check that starts the ramp). */
    public static Observation once(int port, String peer, String path) {
        try {
            return Observation.answered(client(peer, port).get(path));
        } catch (IOException | RuntimeException e) {
            return Observation.failed(peer, path, e);
        }
    }

    /** Every peer requests every path once, one request at a time. */
    public static Recording onePass(int port, List<String> peers, List<String> paths) {
        List<Observation> seen = new ArrayList<>();
        for (String peer : peers) {
            for (String path : paths) {
                seen.add(once(port, peer, path));
            }
        }
        return new Recording(seen);
    }

    private void run(Loop loop, long start, long deadlineNanos, Queue<Observation> seen) {
        long intervalNanos = loop.interval().toNanos();
        long maxRequests = (deadlineNanos - start) / intervalNanos + 2;
        long next = start + loop.startOffset().toNanos();
        for (long i = 0; i < maxRequests; i++) {
            if (!sleepUntil(next) || System.nanoTime() >= deadlineNanos) {
                return;
            }
            Request request = loop.cycle().get((int) (i % loop.cycle().size()));
            seen.add(once(port, request.peer(), request.path()));
            // Fixed rate while answers are fast; after a slow answer the next request goes out at once
            // rather than in a burst of catch-up requests.
            next = Math.max(next + intervalNanos, System.nanoTime());
        }
    }

    private static void awaitLoops(ExecutorService threads, long deadlineNanos) {
        // A loop may be inside its last request at the deadline; that request is bounded by the timeouts.
        long grace = CONNECT_TIMEOUT.plus(READ_TIMEOUT).plusSeconds(1).toNanos();
        long waitNanos = Math.max(0, deadlineNanos - System.nanoTime()) + grace;
        try {
            if (!threads.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
                threads.shutdownNow();
                throw new IllegalStateException("probe loops did not stop in time");
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        }
    }

    private static boolean sleepUntil(long nanos) {
        long remaining = nanos - System.nanoTime();
        if (remaining <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static PeerClient client(String peer, int port) {
        return PeerClient.toLoopback(peer, port).withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT);
    }
}
