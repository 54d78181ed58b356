package io.warmgate.bridge;

/**
 * Carries a health check's request facts from the HTTP container's entry to the JAX-RS resource method on the
 * same thread, for containers that are not servlet containers (Jersey on Grizzly, Jersey on the JDK's HTTP
 * server). JAX-RS itself has no portable way to ask for the peer's socket address, so advice on the container's
 * request entry captures it here, and advice on the health resource method takes it to decide.
 *
 * <p>Only requests whose path is gated are captured; every other request leaves the thread-local untouched.
 * The container advice clears it when the request leaves the container, so nothing outlives the request. The
 * values are strings and numbers: no application object is kept alive by a pooled thread. Lives on the boot
 * class path next to {@link GateBridge}, so it uses JDK types only.
 */
public final class CapturedRequest {

    private static final ThreadLocal<CapturedRequest> CURRENT = new ThreadLocal<CapturedRequest>();

    private final String path;
    private final String remoteAddress;
    private final int localPort;
    private final String peerHeader;
    private final String warmupMarker;
    private final String container;

    private CapturedRequest(String path, String remoteAddress, int localPort, String peerHeader,
                            String warmupMarker, String container) {
        this.path = path;
        this.remoteAddress = remoteAddress;
        this.localPort = localPort;
        this.peerHeader = peerHeader;
        this.warmupMarker = warmupMarker;
        this.container = container;
    }

    /**
     * Records the current request on this thread.
     *
     * @param path          the request path
     * @param remoteAddress the socket's remote address as the container reports it
     * @param localPort     the port the request arrived on, or -1
     * @param peerHeader    the value of {@link GateBridge#peerHeaderName()}, or null
     * @param warmupMarker  the value of {@link GateBridge#WARMUP_HEADER}, or null
     * @param container     the container's name for the log, e.g. "grizzly"
     */
    public static void capture(String path, String remoteAddress, int localPort, String peerHeader,
                               String warmupMarker, String container) {
        CURRENT.set(new CapturedRequest(path, remoteAddress, localPort, peerHeader, warmupMarker, container));
    }

    /**
     * Returns the request captured on this thread and forgets it, so one request is decided at most once even
     * if it passes several health resource methods. Null when nothing was captured: the request came through a
     * servlet container (whose own advice already decided it) or a container warmgate does not know.
     */
    public static CapturedRequest take() {
        CapturedRequest captured = CURRENT.get();
        if (captured != null) {
            CURRENT.remove();
        }
        return captured;
    }

    /** Forgets whatever is captured on this thread; called when the request leaves the container. */
    public static void clear() {
        CURRENT.remove();
    }

    /** Decides this request at the gate: null to let the application answer, else the denial (see GateBridge). */
    public String[] decide(String handler) {
        return GateBridge.check(path, remoteAddress, localPort, peerHeader, warmupMarker, handler + " on " + container);
    }

    public String path() {
        return path;
    }

    public String remoteAddress() {
        return remoteAddress;
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

    public String container() {
        return container;
    }
}
