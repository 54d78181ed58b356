package io.warmgate.agent;

import io.warmgate.bridge.HealthGatekeeper;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Decision;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.PeerAddresses;
import io.warmgate.core.RampGate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects what advice sees of a request (path, socket address, forwarding header) to the core gate:
 * which paths are gated, which peer is asking, and what a denial looks like.
 */
final class GateRuntime implements HealthGatekeeper {

    /** Handlers are logged once each; the cap keeps odd path variants from growing the set without bound. */
    private static final int MAX_LOGGED_HANDLERS = 256;

    private final HealthPathMatcher paths;
    private final RampGate gate;
    private final String peerHeader;
    private final AgentLog log;
    private final Set<String> loggedHandlers = ConcurrentHashMap.newKeySet();

    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log) {
        this.paths = paths;
        this.gate = gate;
        this.peerHeader = peerHeader;
        this.log = log;
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
        logHandlerOnce(handler, path);
        Decision decision = gate.check(peerOf(remoteAddr, headerValue));
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
        String key = handler + " " + path;
        if (loggedHandlers.size() < MAX_LOGGED_HANDLERS && loggedHandlers.add(key)) {
            log.info("health handler found: " + handler + " path " + path);
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "none";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
