package io.warmgate.core.warmup;

import io.warmgate.core.AgentThreads;
import io.warmgate.core.MonotonicClock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the plan's requests in rounds, {@code concurrency} at a time, and measures each round.
 *
 * <p>A round is the whole request list once; the next round starts when the previous one has finished, so the
 * first and the last round are measured apart. The driver stops after {@code rounds} rounds (or once
 * {@code warmup.duration} has passed, finishing the round in progress), after a round in which no request got
 * an answer at all (the port is wrong or nothing listens: more rounds would only repeat the failure), or at the
 * timeout. It never waits past the timeout: it stops waiting for requests still in flight, which end on their
 * own read timeout.
 */
final class WarmupDriver {

    /** No single read waits longer, even with a long {@code warmup.timeout}. */
    static final int MAX_READ_TIMEOUT_MILLIS = 10000;

    private final WarmupPlan plan;
    private final RequestSender sender;
    private final MonotonicClock clock;
    private final WarmupProgress progress;
    private final int port;
    /** Set at the timeout: requests still queued are then not sent. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    /**
     * The same for every request, and never shortened as the deadline nears: a request cut off by a read timeout
     * of a few milliseconds would look like an application error. With a short {@code warmup.timeout} it is a
     * second longer than the whole warm-up, so it can only fire after the driver stopped waiting and never counts;
     * a request still running at the deadline ends on its own, on its daemon worker thread.
     */
    private final int readTimeoutMillis;

    WarmupDriver(WarmupPlan plan, int port, RequestSender sender, MonotonicClock clock, WarmupProgress progress) {
        this.plan = plan;
        this.port = port;
        this.sender = sender;
        this.clock = clock;
        this.progress = progress;
        this.readTimeoutMillis = (int) Math.min(MAX_READ_TIMEOUT_MILLIS, plan.timeoutNanos() / 1000000L + 1000L);
    }

    /** Runs the warm-up on the calling thread's watch; returns by the plan's timeout at the latest. */
    WarmupReport run() {
        long start = clock.nanoTime();
        long deadline = start + plan.timeoutNanos();
        int workerCount = Math.min(plan.concurrency(), plan.requests().size());
        ExecutorService workers = Executors.newFixedThreadPool(workerCount, workerThreads());
        WarmupReport.Outcome outcome = WarmupReport.Outcome.COMPLETED;
        RoundStats first = null;
        RoundStats last = null;
        long requests = 0;
        long errors = 0;
        String firstError = null;
        try {
            for (int round = 1; moreRounds(round, start); round++) {
                if (clock.nanoTime() - deadline >= 0) {
                    outcome = WarmupReport.Outcome.TIMED_OUT;
                    break;
                }
                Round current = new Round(round);
                boolean finished = current.run(workers, deadline);
                RoundStats stats = current.stats(finished);
                progress.roundDone(stats);
                requests += stats.sent();
                errors += stats.errors();
                firstError = firstError == null ? current.firstError() : firstError;
                first = first == null ? stats : first;
                if (!finished) {
                    outcome = WarmupReport.Outcome.TIMED_OUT;
                    break;
                }
                last = stats;
                if (stats.answered() == 0) {
                    outcome = WarmupReport.Outcome.NO_ANSWER;
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            // Nothing in warmgate interrupts this thread; should anything else, stop and report what there is.
            Thread.currentThread().interrupt();
            outcome = WarmupReport.Outcome.TIMED_OUT;
        } finally {
            stopped.set(true);
            workers.shutdownNow();
        }
        int completed = last == null ? 0 : last.round();
        return new WarmupReport(outcome, port, requests, errors, completed, first, last, clock.nanoTime() - start,
                firstError, plan.timeoutNanos());
    }

    private boolean moreRounds(int round, long start) {
        if (plan.durationNanos() > 0) {
            return round == 1 || clock.nanoTime() - start < plan.durationNanos();
        }
        return round <= plan.rounds();
    }

    /** One pass over the request list. Results that arrive after the round was closed are ignored. */
    private final class Round {
        private final int number;
        private final List<Long> latencies = new ArrayList<Long>();
        private int sent;
        private int errors;
        private String firstError;
        private boolean closed;

        Round(int number) {
            this.number = number;
        }

        /** @return true when every request ended before the deadline */
        boolean run(ExecutorService workers, final long deadline) throws InterruptedException {
            final List<WarmupRequest> requests = plan.requests();
            final CountDownLatch done = new CountDownLatch(requests.size());
            for (final WarmupRequest request : requests) {
                workers.execute(new Runnable() {
                    @Override
                    public void run() {
                        try {
                            sendOne(request, deadline);
                        } finally {
                            done.countDown();
                        }
                    }
                });
            }
            long remaining = deadline - clock.nanoTime();
            boolean finished = remaining > 0 && done.await(remaining, TimeUnit.NANOSECONDS);
            if (!finished) {
                stopped.set(true);
            }
            return finished;
        }

        private void sendOne(WarmupRequest request, long deadline) {
            if (stopped.get() || deadline - clock.nanoTime() <= 0) {
                return;
            }
            long sentAt = clock.nanoTime();
            int status;
            try {
                status = sender.send(request, readTimeoutMillis);
            } catch (IOException noAnswer) {
                failed(request + ": " + describe(noAnswer));
                return;
            } catch (RuntimeException bug) {
                failed(request + ": " + describe(bug));
                return;
            }
            answered(request, status, clock.nanoTime() - sentAt);
        }

        private synchronized void answered(WarmupRequest request, int status, long latencyNanos) {
            if (closed) {
                return;
            }
            boolean error = status >= 400;
            sent++;
            latencies.add(latencyNanos);
            if (error) {
                noteError(request + ": HTTP " + status);
            }
            progress.requestDone(error);
        }

        private synchronized void failed(String what) {
            if (closed) {
                return;
            }
            sent++;
            noteError(what);
            progress.requestDone(true);
        }

        private void noteError(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        synchronized RoundStats stats(boolean complete) {
            closed = true;
            long[] values = new long[latencies.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = latencies.get(i);
            }
            return new RoundStats(number, sent, errors, values, complete);
        }

        synchronized String firstError() {
            return firstError;
        }
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }

    /** Daemon threads, so a warm-up can never keep the JVM alive, with no class loader of the application. */
    private static ThreadFactory workerThreads() {
        final AtomicInteger count = new AtomicInteger();
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return AgentThreads.daemon(task, "warmgate-warmup-worker-" + count.incrementAndGet());
            }
        };
    }
}
