package io.warmgate.bridge;

/**
 * The one class that advice inlined into application classes calls. The agent appends it to the boot class
 * path, so it is visible from every class loader (web application, Spring Boot nested jars, OSGi bundles).
 *
 * <p>Every method swallows failures: whatever goes wrong in the agent, the request proceeds exactly as it
 * would without the agent. With no gatekeeper installed (agent disabled) nothing is gated.
 */
public final class GateBridge {

    /**
     * The bridge's protocol version: what advice of the same agent build expects of this class. An agent that
     * finds a bridge of another version already in the boot loader stays off rather than pair with it.
     */
    public static final int VERSION = 3;

    /**
     * Request attribute that marks a request as already decided, so that the filters and servlets it passes (and
     * nested service() calls) decide it once. Its value says whether the handler that answers it is known yet.
     */
    public static final String DECIDED_ATTRIBUTE = "io.warmgate.decided";

    /**
     * {@link #DECIDED_ATTRIBUTE} value: decided, and the handler that answers is named (or needs no naming). The
     * servlet advice, which decides knowing its handler, has always set this value.
     */
    public static final Boolean HANDLER_KNOWN = Boolean.TRUE;

    /**
     * {@link #DECIDED_ATTRIBUTE} value: decided before the handler was known (by the first filter of the chain, or
     * at the server's own entry); the servlet the request reaches, or else the innermost filter that answered it
     * without passing it on, names itself through {@link #handlerAnswered} and sets {@link #HANDLER_KNOWN}.
     */
    public static final Boolean HANDLER_PENDING = Boolean.FALSE;

    /** Response header that explains a denial. */
    public static final String RESPONSE_HEADER = "X-Warmgate";

    /** Request header that marks the agent's own synthetic warm-up requests. */
    public static final String WARMUP_HEADER = "X-Warmgate-Warmup";

    /**
     * Request header that marks another instance's fleet check: "are you healthy and open?". Such a request is
     * never counted as a load-balancer node and never starts the ramp.
     */
    public static final String FLEET_HEADER = "X-Warmgate-Fleet";

    private static volatile HealthGatekeeper gatekeeper;

    /**
     * Set on a thread while it serves a business request that is being timed, so that a nested call within the
     * same request (a servlet calling its superclass's {@code service}, a forward) is not timed a second time.
     */
    private static final ThreadLocal<Boolean> TIMING = new ThreadLocal<Boolean>();

    private GateBridge() {
    }

    /** Installs the gatekeeper; returns false when one is already installed (the agent was attached twice). */
    public static synchronized boolean install(HealthGatekeeper keeper) {
        if (gatekeeper != null) {
            return false;
        }
        gatekeeper = keeper;
        return true;
    }

    public static boolean isInstalled() {
        return gatekeeper != null;
    }

    public static boolean isGated(String path) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null || path == null) {
            return false;
        }
        try {
            return keeper.isGated(path);
        } catch (Throwable failure) {
            failed("path check", failure);
            return false;
        }
    }

    public static String peerHeaderName() {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return null;
        }
        try {
            return keeper.peerHeaderName();
        } catch (Throwable failure) {
            failed("peer header", failure);
            return null;
        }
    }

    /** @see HealthGatekeeper#check */
    public static Denial check(HealthRequest request) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null || request == null) {
            return null;
        }
        try {
            return keeper.check(request);
        } catch (Throwable failure) {
            failed("health check decision", failure);
            return null;
        }
    }

    /** @see HealthGatekeeper#handlerAnswered */
    public static void handlerAnswered(String handlerKind, String handler, String path) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return;
        }
        try {
            keeper.handlerAnswered(handlerKind, handler, path);
        } catch (Throwable failure) {
            failed("handler report", failure);
        }
    }

    /** @see HealthGatekeeper#watchesBusiness */
    public static boolean watchesBusiness() {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return false;
        }
        try {
            return keeper.watchesBusiness();
        } catch (Throwable failure) {
            failed("business watch", failure);
            return false;
        }
    }

    /** @see HealthGatekeeper#businessRequest */
    public static void businessRequest(String remoteAddress, String peerHeader, String warmupMarker) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return;
        }
        try {
            keeper.businessRequest(remoteAddress, peerHeader, warmupMarker);
        } catch (Throwable failure) {
            failed("business request", failure);
        }
    }

    /**
     * Called by advice as a business request enters its handler.
     *
     * @return the request's start ({@code System.nanoTime()}, never 0) when the agent wants it timed; 0 when not,
     *         or when this thread already times the request this call is nested in. A non-zero start must be
     *         handed to {@link #businessEnded} or {@link #businessAbandoned} when the handler returns.
     */
    public static long businessStarted() {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return 0L;
        }
        try {
            if (!keeper.timesBusiness() || TIMING.get() != null) {
                return 0L;
            }
            TIMING.set(Boolean.TRUE);
            long now = System.nanoTime();
            return now == 0L ? 1L : now;
        } catch (Throwable failure) {
            failed("business timing", failure);
            return 0L;
        }
    }

    /** Called by advice when a request that {@link #businessStarted} timed leaves its handler. */
    public static void businessEnded(long startNanos, String method, String path, String query, int status,
                                     String warmupMarker) {
        TIMING.remove();
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null || startNanos == 0L) {
            return;
        }
        try {
            keeper.businessEnded(method, path, query, status, System.nanoTime() - startNanos, warmupMarker);
        } catch (Throwable failure) {
            failed("business timing", failure);
        }
    }

    /**
     * Ends the timing of a request without a figure: its handler went asynchronous (the response is not done
     * when it returns), or the advice could not read it.
     */
    public static void businessAbandoned() {
        TIMING.remove();
    }

    /**
     * The literal address of a socket address, never a name, so that formatting never asks the name service.
     * Null when unknown. For servers that report peers as {@code InetSocketAddress} (the JDK's HTTP server).
     */
    public static String hostAddress(java.net.InetSocketAddress socket) {
        if (socket == null) {
            return null;
        }
        return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
    }

    /** Called by advice that caught a failure of its own; never throws. */
    public static void failed(String where, Throwable failure) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return;
        }
        try {
            keeper.failed(where, failure);
        } catch (Throwable ignored) {
            // Reporting must never be the thing that breaks a request.
        }
    }
}
