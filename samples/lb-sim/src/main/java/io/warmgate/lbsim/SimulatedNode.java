package io.warmgate.lbsim;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.WarmgateHeader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One load-balancer node of the demo: health-checks the sample from its own loopback address and remembers
 * what it saw. {@link #poll()} runs on a scheduler thread, {@link #snapshot()} on the render thread.
 */
final class SimulatedNode {

    enum State {
        /** Not checked yet. */
        WAITING('?'),
        /** The app answered and the agent let the answer through: this node would route traffic here. */
        HEALTHY('#'),
        /** The agent answered 503 because this node's turn in the ramp has not come yet. */
        DENIED('.'),
        /** The app itself said it is unhealthy (no warmgate header). */
        UNHEALTHY('!'),
        /** No HTTP answer at all: refused, timed out, malformed. */
        ERROR('x');

        final char glyph;

        State(char glyph) {
            this.glyph = glyph;
        }
    }

    /** One immutable view of a node for rendering. */
    record Snapshot(String peer, State state, Integer bucket, String history, Double deniedPercent,
                    long deniedAtNanos, String detail) {
    }

    static final int HISTORY_LENGTH = 40;

    private final PeerClient client;
    private final String healthPath;
    private final Deque<State> history = new ArrayDeque<>();
    private State state = State.WAITING;
    private Integer bucket;
    private Double deniedPercent;
    private long deniedAtNanos;
    private String detail = "";

    SimulatedNode(PeerClient client, String healthPath) {
        this.client = client;
        this.healthPath = healthPath;
    }

    String peer() {
        return client.peer();
    }

    /** One health check. Never throws, so a failing node does not cancel its schedule. */
    void poll() {
        try {
            record(client.get(healthPath));
        } catch (IOException | RuntimeException e) {
            recordError(e);
        }
    }

    /** The agent logs every peer's bucket when the peer changes state; healthy-at-once nodes learn it there. */
    synchronized void learnBucket(int learned) {
        this.bucket = learned;
    }

    synchronized Snapshot snapshot() {
        StringBuilder glyphs = new StringBuilder(HISTORY_LENGTH);
        history.forEach(s -> glyphs.append(s.glyph));
        return new Snapshot(peer(), state, bucket, glyphs.toString(), deniedPercent, deniedAtNanos, detail);
    }

    private synchronized void record(HttpResult result) {
        var header = WarmgateHeader.of(result);
        if (header.isPresent()) {
            bucket = header.get().bucket();
            deniedPercent = header.get().percent();
            deniedAtNanos = result.receivedNanos();
            remember(State.DENIED, result.status() + " from warmgate");
        } else if (result.header(WarmgateHeader.NAME).isPresent()) {
            remember(State.DENIED, "unreadable X-Warmgate: " + result.header(WarmgateHeader.NAME).get());
        } else if (result.status() == 200) {
            remember(State.HEALTHY, "200 from the app");
        } else {
            remember(State.UNHEALTHY, result.status() + " from the app");
        }
    }

    private synchronized void recordError(Exception e) {
        remember(State.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private void remember(State newState, String newDetail) {
        state = newState;
        detail = newDetail;
        history.addLast(newState);
        while (history.size() > HISTORY_LENGTH) {
            history.removeFirst();
        }
    }
}
