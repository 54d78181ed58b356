package io.warmgate.agent.jaxrs;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;

import java.net.InetSocketAddress;

/**
 * Hooked into Jersey's {@code JdkHttpHandlerContainer.handle(HttpExchange)} (see {@link EntryHook}), the handler
 * Jersey registers with the JDK's {@code com.sun.net.httpserver}: captures a gated request for the JAX-RS resource
 * guard and releases it when the request leaves the container.
 *
 * <p>Per-request cost for everything that is not a health check: reading the already parsed request URI's path
 * and one {@code GateBridge.isGated} check (allocation-free). The peer address is only formatted, and the
 * thread-local only touched, for gated paths.
 */
public final class JdkHttpExchangeHooks {

    private JdkHttpExchangeHooks() {
    }

    /**
     * @return {@link CapturedRequest#CAPTURED_STATE} when this request was captured and must be released on exit;
     *         else the business request's start (see {@link GateBridge#businessStarted}), 0 when not timed
     */
    public static long enter(Object container, HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String peerHeader = GateBridge.peerHeaderName();
            Headers headers = exchange.getRequestHeaders();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    GateBridge.businessRequest(GateBridge.hostAddress(exchange.getRemoteAddress()),
                            peerHeader == null ? null : headers.getFirst(peerHeader),
                            headers.getFirst(GateBridge.WARMUP_HEADER));
                }
                return GateBridge.businessStarted();
            }
            InetSocketAddress local = exchange.getLocalAddress();
            int localPort = local == null ? -1 : local.getPort();
            String peerHeaderValue = peerHeader == null ? null : headers.getFirst(peerHeader);
            HealthRequest health = new HealthRequest(path, GateBridge.hostAddress(exchange.getRemoteAddress()),
                    GateBridge.hostAddress(local), localPort, peerHeaderValue,
                    headers.getFirst(GateBridge.WARMUP_HEADER), headers.getFirst("User-Agent"),
                    headers.getFirst(GateBridge.FLEET_HEADER), null, null, "jdk-http");
            CapturedRequest.capture(health);
            return CapturedRequest.CAPTURED_STATE;
        } catch (Throwable failure) {
            GateBridge.failed("jdk-http request capture", failure);
            return 0L;
        }
    }

    /**
     * Releases a captured request; reports a timed business request. A handler that returned before sending its
     * response headers (response code -1) answers later, on another thread: it is left out.
     */
    public static void exit(Throwable thrown, Object container, HttpExchange exchange, long state) {
        if (state == CapturedRequest.CAPTURED_STATE) {
            CapturedRequest.clear();
            return;
        }
        if (state == 0L) {
            return;
        }
        try {
            int status = thrown != null ? 500 : exchange.getResponseCode();
            if (status < 0) {
                GateBridge.businessAbandoned();
                return;
            }
            GateBridge.businessEnded(state, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), status,
                    exchange.getRequestHeaders().getFirst(GateBridge.WARMUP_HEADER));
        } catch (Throwable failure) {
            GateBridge.businessAbandoned();
            GateBridge.failed("jdk-http advice (exit)", failure);
        }
    }
}
