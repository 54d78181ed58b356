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
     * @param path         the request path
     * @param remoteAddr   the socket's remote address as the server reports it
     * @param localPort    the port the request arrived on (the synthetic warm-up's default target), or -1
     * @param headerValue  the value of {@link #peerHeaderName()}, or null
     * @param warmupMarker the value of the {@link GateBridge#WARMUP_HEADER} request header, or null
     * @param handler      what serves the path, for the "handler found" log line (e.g. "servlet com.acme.Health")
     * @return null to let the application answer, or {X-Warmgate header value, plain-text body} for a 503
     */
    String[] check(String path, String remoteAddr, int localPort, String headerValue, String warmupMarker,
                   String handler);

    /** Reports a failure inside advice or the gatekeeper; the request then proceeds as if there were no agent. */
    void failed(String where, Throwable failure);
}
