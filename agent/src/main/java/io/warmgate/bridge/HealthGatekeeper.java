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

    /** Reports a failure inside advice or the gatekeeper; the request then proceeds as if there were no agent. */
    void failed(String where, Throwable failure);
}
