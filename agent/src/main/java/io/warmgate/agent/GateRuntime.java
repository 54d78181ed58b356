package io.warmgate.agent;

import io.warmgate.agent.jmx.GateMBeanRegistration;
import io.warmgate.bridge.HealthGatekeeper;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Decision;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.PeerAddresses;
import io.warmgate.core.Phase;
import io.warmgate.core.RampGate;
import io.warmgate.core.warmup.WarmupCoordinator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects what advice sees of a request (path, socket address, forwarding header) to the core gate:
 * which paths are gated, which peer is asking, and what a denial looks like. It also starts the synthetic
 * warm-up at the first health check, lets the warm-up's own requests through, and registers the JMX MBean.
 */
final class GateRuntime implements HealthGatekeeper {

    /** Handlers are logged once each; the cap keeps odd path variants from growing the set without bound. */
    private static final int MAX_LOGGED_HANDLERS = 256;
    /** Longer request paths are cut in the handler line; the gate itself always looks at the whole path. */
    private static final int MAX_SHOWN_PATH = 120;

    private final HealthPathMatcher paths;
    private final RampGate gate;
    private final String peerHeader;
    private final AgentLog log;
    private final Set<String> loggedHandlers = ConcurrentHashMap.newKeySet();
    /** Null when no warm-up is configured. */
    private final WarmupCoordinator warmup;
    /** Null when the MBean is not wanted (tests). */
    private final GateMBeanRegistration mbean;

    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log) {
        this(paths, gate, peerHeader, log, null, null);
    }

    /**
     * @param warmup the synthetic warm-up, started at the first health check; null for none. The gate must have
     *               been created holding for it.
     * @param mbean  registered at the first health check (never from premain); null for none
     */
    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log, WarmupCoordinator warmup,
                GateMBeanRegistration mbean) {
        this.paths = paths;
        this.gate = gate;
        this.peerHeader = peerHeader;
        this.log = log;
        this.warmup = warmup;
        this.mbean = mbean;
    }

    @Override
    public boolean isGated(String path) {
        return paths.isGated(path);
    }

    @Override
    public String peerHeaderName() {
        return peerHeader;
    }

    @Override
    public String[] check(String path, String remoteAddr, int localPort, String headerValue, String warmupMarker,
                          String handler) {
        if (warmup != null) {
            if (warmup.isOwnRequest(warmupMarker)) {
                return null; // the warm-up's own request: never gated, never counted as a peer
            }
            warmup.offerPort(localPort); // before the check, so the warm-up it may start knows the port
        }
        if (mbean != null) {
            mbean.registerOnce();
        }
        logHandlerOnce(handler, path);
        Decision decision = gate.check(peerOf(remoteAddr, headerValue));
        if (warmup != null && decision.phase() == Phase.WARMING) {
            warmup.onHealthCheckWhileWarming(); // the first one starts it; later ones only check its timeout
        }
        return decision.allowed() ? null : new String[] {decision.headerValue(), decision.denialBody()};
    }

    @Override
    public void failed(String where, Throwable failure) {
        log.warnOnce("failure:" + where, "internal failure in " + where + " (" + failure + "); the request "
                + "proceeded as if warmgate were not there. Please report this.");
    }

    /** The peer is the forwarding header's nearest hop when configured and usable, else the socket address. */
    String peerOf(String remoteAddr, String headerValue) {
        if (peerHeader != null) {
            String forwarded = PeerAddresses.fromForwardedHeader(headerValue);
            if (forwarded != null) {
                return forwarded;
            }
            log.warnOnce("peer-header", "a health check had no usable " + peerHeader + " header (value: "
                    + abbreviate(headerValue) + "); using the socket address " + remoteAddr + " for such checks");
        }
        String canonical = PeerAddresses.canonicalize(remoteAddr);
        if (canonical != null) {
            return canonical;
        }
        log.warnOnce("odd-remote", "the server reported a peer address that is not an IP literal ("
                + abbreviate(remoteAddr) + "); it is hashed as it is");
        return remoteAddr == null ? "" : remoteAddr.trim();
    }

    private void logHandlerOnce(String handler, String path) {
        String shownPath = shownPath(path);
        String key = handler + " " + shownPath;
        if (loggedHandlers.size() < MAX_LOGGED_HANDLERS && loggedHandlers.add(key)) {
            log.info("health handler found: " + handler + " path " + shownPath);
        }
    }

    /**
     * The request path as the handler line shows it: without ";parameters", because a session id in
     * {@code /health;jsessionid=...} must neither reach the log nor make every session look like a new handler,
     * and cut to a readable length, because the path is whatever the client sent.
     */
    static String shownPath(String path) {
        if (path == null) {
            return "none";
        }
        StringBuilder shown = new StringBuilder(Math.min(path.length(), MAX_SHOWN_PATH + 1));
        boolean inParameters = false;
        for (int i = 0; i < path.length() && shown.length() <= MAX_SHOWN_PATH; i++) {
            char c = path.charAt(i);
            if (c == ';' || c == '/') {
                inParameters = c == ';';
            }
            if (!inParameters) {
                shown.append(c);
            }
        }
        return shown.length() <= MAX_SHOWN_PATH ? shown.toString()
                : shown.substring(0, MAX_SHOWN_PATH) + "... (" + path.length() + " characters)";
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "none";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
