package io.warmgate.bridge;

/**
 * What advice saw of one request on a gated (health) path, handed to the gate in one piece. Built once per
 * health check only: business requests never allocate one. Lives on the boot class path next to
 * {@link GateBridge}, so it holds JDK types only, and only strings and numbers: no application object is kept
 * alive by it.
 */
public final class HealthRequest {

    private final String path;
    private final String remoteAddress;
    private final String localAddress;
    private final int localPort;
    private final String peerHeader;
    private final String warmupMarker;
    private final String userAgent;
    private final String fleetMarker;
    private final String handler;

    /**
     * @param path          the request path as sent (no query string)
     * @param remoteAddress the socket's remote address as the server reports it
     * @param localAddress  the address the request arrived on, or null when the server did not say
     * @param localPort     the port the request arrived on, or -1
     * @param peerHeader    the value of {@link GateBridge#peerHeaderName()}, or null
     * @param warmupMarker  the value of the {@link GateBridge#WARMUP_HEADER} request header, or null
     * @param userAgent     the {@code User-Agent} request header, or null
     * @param fleetMarker   the value of the {@link GateBridge#FLEET_HEADER} request header, or null
     * @param handler       what serves the path, for the "handler found" log line (e.g. "servlet com.acme.Health")
     */
    public HealthRequest(String path, String remoteAddress, String localAddress, int localPort, String peerHeader,
                         String warmupMarker, String userAgent, String fleetMarker, String handler) {
        this.path = path;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.peerHeader = peerHeader;
        this.warmupMarker = warmupMarker;
        this.userAgent = userAgent;
        this.fleetMarker = fleetMarker;
        this.handler = handler;
    }

    /** The same request, with the handler named (JAX-RS learns it only at the resource method). */
    public HealthRequest handledBy(String handlerName) {
        return new HealthRequest(path, remoteAddress, localAddress, localPort, peerHeader, warmupMarker, userAgent,
                fleetMarker, handlerName);
    }

    public String path() {
        return path;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public String localAddress() {
        return localAddress;
    }

    public int localPort() {
        return localPort;
    }

    public String peerHeader() {
        return peerHeader;
    }

    public String warmupMarker() {
        return warmupMarker;
    }

    public String userAgent() {
        return userAgent;
    }

    public String fleetMarker() {
        return fleetMarker;
    }

    public String handler() {
        return handler;
    }
}
