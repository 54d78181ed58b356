package io.warmgate.bridge;

/**
 * What advice inlined into application classes asks about a request. Implemented by the agent; this
 * interface lives on the boot class path next to {@link GateBridge}, so it may use JDK types only.
 */
public interface HealthGatekeeper {

    /** True when the request path is a health check to gate. Called on every request: must be cheap. */
    boolean isGated(String path);

    /** Name of the request header that carries the peer address, or null to use the socket's address. */
    String peerHeaderName();

    /**
     * Decides one health check.
     *
     * @return null to let the application answer, or the denial to send instead
     */
    Denial check(HealthRequest request);

    /**
     * Names the handler that answered a health check decided before its handler was known (a filter chain's first
     * filter, a server's own entry), for the "health handler found" log: once per handler and path, like the
     * handlers named at a decision. Called for health checks only.
     *
     * @param handlerKind e.g. "filter", "servlet", "undertow"
     * @param handler     the handler's class name, as the caller already has it
     * @param path        the request path as sent
     */
    void handlerAnswered(String handlerKind, String handler, String path);

    /**
     * True while the agent wants to hear of business (non-health) requests through
     * {@link #businessRequest}. Called on every business request: one volatile read at most.
     */
    boolean watchesBusiness();

    /**
     * A business request arrived (only called while {@link #watchesBusiness()} is true).
     *
     * @param remoteAddress the socket's remote address as the server reports it
     * @param peerHeader    the value of {@link #peerHeaderName()}, or null
     * @param warmupMarker  the value of the {@link GateBridge#WARMUP_HEADER} request header, or null
     */
    void businessRequest(String remoteAddress, String peerHeader, String warmupMarker);

    /**
     * True while the agent wants business requests timed and reported through {@link #businessEnded}. Called on
     * every business request: one volatile read at most.
     */
    boolean timesBusiness();

    /**
     * A timed business request completed (only called for requests started while {@link #timesBusiness()} was
     * true, and never for nested calls within one request).
     *
     * @param method       the HTTP method
     * @param path         the request path as sent, without the query string
     * @param query        the raw query string, or null
     * @param status       the response status; 500 when the handler threw
     * @param elapsedNanos from the handler's entry to its return
     * @param warmupMarker the value of the {@link GateBridge#WARMUP_HEADER} request header, or null
     */
    void businessEnded(String method, String path, String query, int status, long elapsedNanos, String warmupMarker);

    /** Reports a failure inside advice or the gatekeeper; the request then proceeds as if there were no agent. */
    void failed(String where, Throwable failure);
}
