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

    /** For callers that know neither the local port nor the warm-up marker. */
    public static String[] check(String path, String remoteAddr, String headerValue, String handler) {
        return check(path, remoteAddr, -1, headerValue, null, handler);
    }

    /** @see HealthGatekeeper#check */
    public static String[] check(String path, String remoteAddr, int localPort, String headerValue,
                                 String warmupMarker, String handler) {
        HealthGatekeeper keeper = gatekeeper;
        if (keeper == null) {
            return null;
        }
        try {
            return keeper.check(path, remoteAddr, localPort, headerValue, warmupMarker, handler);
        } catch (Throwable failure) {
            failed("health check decision", failure);
            return null;
        }
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
