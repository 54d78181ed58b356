package io.warmgate.core.warmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One request the warm-up sends: method, origin-form target, its own headers and an optional body. Immutable. */
public final class WarmupRequest {

    private final String method;
    private final String target;
    private final List<HeaderField> headers;
    private final byte[] body;

    WarmupRequest(String method, String target, List<HeaderField> headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.headers = Collections.unmodifiableList(new ArrayList<HeaderField>(headers));
        this.body = body == null ? null : body.clone();
    }

    /** Upper case, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** Path and query as sent, e.g. {@code /shop/api/items?id=3}. */
    public String target() {
        return target;
    }

    /** Headers for this request only (from the request file); sent after, and instead of, same-named common ones. */
    public List<HeaderField> headers() {
        return headers;
    }

    /** The body, or null for none. A copy: the caller may not change the request. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    boolean hasBody() {
        return body != null;
    }

    /** The body itself, not a copy: for the client in this package, which only reads it. */
    byte[] bodyBytes() {
        return body;
    }

    /** True for the methods that are sent without {@code warmup.unsafe-methods=true}. */
    public boolean isSafe() {
        return RequestSyntax.isSafeMethod(method);
    }

    WarmupRequest withHeader(HeaderField header) {
        List<HeaderField> more = new ArrayList<HeaderField>(headers);
        more.add(header);
        return new WarmupRequest(method, target, more, body);
    }

    WarmupRequest withBody(byte[] content) {
        return new WarmupRequest(method, target, headers, content);
    }

    /** {@code GET /api/items?id=3}: how logs name the request (never its header values, which may be secret). */
    @Override
    public String toString() {
        return method + " " + target;
    }
}
