package io.warmgate.it.support;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.WarmgateHeader;

/**
 * One request a simulated LB node sent, and what came back: an HTTP answer, or the reason there was none.
 */
public record Observation(String peer, String path, HttpResult result, String failure) {

    static Observation answered(HttpResult result) {
        return new Observation(result.peer(), result.target(), result, null);
    }

    static Observation failed(String peer, String path, Exception e) {
        return new Observation(peer, path, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    public boolean answered() {
        return result != null;
    }

    /** The agent answered instead of the app: it always marks its own answers with {@code X-Warmgate}. */
    public boolean deniedByWarmgate() {
        return answered() && result.header(WarmgateHeader.NAME).isPresent();
    }

    /** An answer that passed the gate (whatever the app itself said). */
    public boolean passedTheGate() {
        return answered() && !deniedByWarmgate();
    }

    public long sentNanos() {
        return result.sentNanos();
    }

    public long receivedNanos() {
        return result.receivedNanos();
    }

    @Override
    public String toString() {
        return answered() ? result.toString() : "GET " + path + " from " + peer + " failed: " + failure;
    }
}
