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
    private final String handlerKind;
    private final String handler;
    private final String container;

    /**
     * @param path          the request path as sent (no query string)
     * @param remoteAddress the socket's remote address as the server reports it
     * @param localAddress  the address the request arrived on, or null when the server did not say
     * @param localPort     the port the request arrived on, or -1
     * @param peerHeader    the value of {@link GateBridge#peerHeaderName()}, or null
     * @param warmupMarker  the value of the {@link GateBridge#WARMUP_HEADER} request header, or null
     * @param userAgent     the {@code User-Agent} request header, or null
     * @param fleetMarker   the value of the {@link GateBridge#FLEET_HEADER} request header, or null
     * @param handlerKind   what kind of handler serves the path, e.g. "servlet", or null
     * @param handler       which one: a class name or a resource method, or null while unknown. A string the
     *                      caller already has (no concatenation), because the gate keys its "already logged"
     *                      check on it for every health check
     * @param container     the HTTP container that received the request when it is not a servlet container, e.g.
     *                      "grizzly", or null
     */
    public HealthRequest(String path, String remoteAddress, String localAddress, int localPort, String peerHeader,
                         String warmupMarker, String userAgent, String fleetMarker, String handlerKind,
                         String handler, String container) {
        this.path = path;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.peerHeader = peerHeader;
        this.warmupMarker = warmupMarker;
        this.userAgent = userAgent;
        this.fleetMarker = fleetMarker;
        this.handlerKind = handlerKind;
        this.handler = handler;
        this.container = container;
    }

    /** The same request, with the handler named (JAX-RS learns it only at the resource method). */
    public HealthRequest handledBy(String handlerName) {
        return new HealthRequest(path, remoteAddress, localAddress, localPort, peerHeader, warmupMarker, userAgent,
                fleetMarker, handlerKind, handlerName, container);
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

    /** The handler's identity (a class name, a resource method), or null; see the constructor. */
    public String handler() {
        return handler;
    }

    /** The non-servlet container that received the request, e.g. "grizzly", or null. */
    public String container() {
        return container;
    }

    /** The handler as the log names it, e.g. "servlet com.acme.Health" or "jax-rs ... #check on grizzly". */
    public String handlerLabel() {
        StringBuilder label = new StringBuilder(64);
        if (handlerKind != null) {
            label.append(handlerKind).append(' ');
        }
        label.append(handler == null ? "an unknown handler" : withoutLambdaSuffix(handler));
        if (container != null) {
            label.append(" on ").append(container);
        }
        return label.toString();
    }

    /**
     * A lambda's class name ({@code com.acme.Main$$Lambda$14/0x0000000800c0b440}, as Undertow handlers often are)
     * as the class that wrote it: the rest differs from run to run and says nothing.
     */
    static String withoutLambdaSuffix(String className) {
        int lambda = className.indexOf("$$Lambda");
        return lambda < 0 ? className : className.substring(0, lambda) + " (lambda)";
    }
}
