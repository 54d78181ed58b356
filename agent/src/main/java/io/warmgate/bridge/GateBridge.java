package io.warmgate.bridge;

/**
 * The one class that advice inlined into application classes calls. The agent appends it to the boot class
 * path, so it is visible from every class loader (web application, Spring Boot nested jars, OSGi bundles).
 *
 * <p>Every method swallows failures: whatever goes wrong in the agent, the request proceeds exactly as it
 * would without the agent. With no gatekeeper installed (agent disabled) nothing is gated.
 */
public final class GateBridge {

    /** Request attribute that marks a request as already decided, so nested service() calls do not decide twice. */
    public static final String DECIDED_ATTRIBUTE = "io.warmgate.decided";

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
