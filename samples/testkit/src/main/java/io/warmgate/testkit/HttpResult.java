package io.warmgate.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP exchange as a simulated load-balancer node saw it. Immutable.
 *
 * <p>The two timestamps are {@link System#nanoTime()} readings taken by the client, so they can be compared
 * with other readings in the same JVM (and, on Linux, with the monotonic clock of other processes):
 * <ul>
 *   <li>{@link #sentNanos()}: just before the first byte of the request was written, after the connection was
 *       open. The server cannot have started handling the request earlier.</li>
 *   <li>{@link #receivedNanos()}: as soon as the status line had arrived. The server had made its decision by
 *       then, which makes this the tightest "decided no later than" bound a client can observe.</li>
 * </ul>
 */
public final class HttpResult {

    private final String peer;
    private final String method;
    private final String target;
    private final int status;
    private final String reason;
    private final ResponseHeaders headers;
    private final byte[] body;
    private final long sentNanos;
    private final long receivedNanos;

    HttpResult(String peer, String method, String target, int status, String reason, ResponseHeaders headers,
               byte[] body, long sentNanos, long receivedNanos) {
        this.peer = peer;
        this.method = method;
        this.target = target;
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body.clone();
        this.sentNanos = sentNanos;
        this.receivedNanos = receivedNanos;
    }

    /** The local (source) address the request was sent from, e.g. {@code 127.0.0.7}. */
    public String peer() {
        return peer;
    }

    public String method() {
        return method;
    }

    /** The request target as sent, e.g. {@code /shop/health}. */
    public String target() {
        return target;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** Shortcut for {@code headers().first(name)}. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The body decoded as UTF-8 (the samples and the agent only send text). */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    public long sentNanos() {
        return sentNanos;
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    @Override
    public String toString() {
        String text = body();
        String shownBody = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return method + " " + target + " from " + peer + " -> " + status + " " + headers
                + " body=\"" + shownBody.replace("\n", "\\n") + "\"";
    }
}
