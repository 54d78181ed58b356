package io.warmgate.agent.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of Vert.x web's {@code RouterImpl.handle(HttpServerRequest)}, where the HTTP server hands a
 * request to the application's root router. For a gated health path from a denied peer it ends the response with the
 * 503 itself and skips the method: no routing context is built and no route handler runs. Everything else passes
 * untouched.
 *
 * <p>Per-request cost for everything that is not a health check: the request's path (which Vert.x parses once and
 * keeps) and one {@code GateBridge.isGated} check, plus one volatile read for the business watch (fail-open, drain).
 * The peer is the connection's remote address as the server reports it, before any forwarded-header handling of
 * the router ({@code allowForward}), or the configured peer header.
 *
 * <p>Uses only methods with the same signature in Vert.x 4 and 5 (in 5, {@code path()} and {@code getHeader} moved
 * up to {@code HttpRequestHead}, which the JVM resolves through the interface). Vert.x sends no body for HEAD.
 */
public final class VertxRouterAdvice {

    /** How the gate's "health handler found" line names what serves a gated path: routes are lambdas. */
    static final String HANDLER = "io.vertx.ext.web.Router";

    private VertxRouterAdvice() {
    }

    /** @return true to skip the router because the denial was sent */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static boolean denyBeforeRouting(@Advice.Argument(0) HttpServerRequest request) {
        try {
            String path = request.path();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    SocketAddress from = request.remoteAddress();
                    String peerHeader = GateBridge.peerHeaderName();
                    GateBridge.businessRequest(from == null ? null : from.hostAddress(),
                            peerHeader == null ? null : request.getHeader(peerHeader),
                            request.getHeader(GateBridge.WARMUP_HEADER));
                }
                return false;
            }
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            SocketAddress remote = request.remoteAddress();
            SocketAddress local = request.localAddress();
            String remoteAddress = remote == null ? null : remote.hostAddress();
            String localAddress = local == null ? null : local.hostAddress();
            int localPort = local == null ? -1 : local.port();
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : request.getHeader(peerHeader);
            HealthRequest health = new HealthRequest(path, remoteAddress, localAddress, localPort, peerHeaderValue,
                    request.getHeader(GateBridge.WARMUP_HEADER), request.getHeader("User-Agent"),
                    request.getHeader(GateBridge.FLEET_HEADER), "vertx-web", HANDLER, null);
            Denial denial = GateBridge.check(health);
            if (denial == null) {
                return false;
            }
            HttpServerResponse response = request.response();
            if (response.ended() || response.headWritten()) {
                return false; // someone answered before the router: leave it to them
            }
            response.setStatusCode(Denial.STATUS);
            response.putHeader(GateBridge.RESPONSE_HEADER, denial.headerValue());
            response.putHeader("Cache-Control", "no-store");
            response.putHeader("Content-Type", "text/plain;charset=UTF-8");
            // Sets Content-Length, sends the body (none for HEAD) and ends the response.
            response.end(denial.body());
            return true;
        } catch (Throwable failure) {
            GateBridge.failed("vert.x advice", failure);
            return false;
        }
    }
}
