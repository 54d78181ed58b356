package io.warmgate.samples.common;

import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters behind the stats endpoint. Tests read them to prove which requests reached the application,
 * for example that the agent's synthetic warm-up (marked with {@link SampleEndpoints#WARMUP_HEADER}) ran.
 */
public final class SampleStats {

    private final LongAdder businessRequests = new LongAdder();
    private final LongAdder warmupRequests = new LongAdder();

    /** Counts one business request; {@code warmup} is true when it carried the warm-up header. */
    public void recordBusinessRequest(boolean warmup) {
        businessRequests.increment();
        if (warmup) {
            warmupRequests.increment();
        }
    }

    public long businessRequests() {
        return businessRequests.sum();
    }

    public long warmupRequests() {
        return warmupRequests.sum();
    }

    /** The stats body: one {@code key=value} line per counter. */
    public String render() {
        return "business.requests=" + businessRequests() + "\n"
                + "warmup.requests=" + warmupRequests() + "\n";
    }
}
