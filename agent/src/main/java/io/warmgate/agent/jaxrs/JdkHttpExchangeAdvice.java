package io.warmgate.agent.jaxrs;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

import java.net.InetSocketAddress;

/**
 * Inlined into Jersey's {@code JdkHttpHandlerContainer.handle(HttpExchange)}, the handler Jersey registers with
 * the JDK's {@code com.sun.net.httpserver}: captures a gated request for the JAX-RS resource advice and releases
 * it when the request leaves the container.
 *
 * <p>Per-request cost for everything that is not a health check: reading the already parsed request URI's path
 * and one {@code GateBridge.isGated} check (allocation-free). The peer address is only formatted, and the
 * thread-local only touched, for gated paths.
 */
public final class JdkHttpExchangeAdvice {

    private JdkHttpExchangeAdvice() {
    }

    /** @return true when this request was captured and must be released on exit */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean capture(@Advice.Argument(0) HttpExchange exchange) {
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
                return false;
            }
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            InetSocketAddress local = exchange.getLocalAddress();
            int localPort = local == null ? -1 : local.getPort();
            String peerHeaderValue = peerHeader == null ? null : headers.getFirst(peerHeader);
            HealthRequest health = new HealthRequest(path, GateBridge.hostAddress(exchange.getRemoteAddress()),
                    GateBridge.hostAddress(local), localPort, peerHeaderValue,
                    headers.getFirst(GateBridge.WARMUP_HEADER), headers.getFirst("User-Agent"),
                    headers.getFirst(GateBridge.FLEET_HEADER), "jdk-http");
            CapturedRequest.capture(health);
            return true;
        } catch (Throwable failure) {
            GateBridge.failed("jdk-http request capture", failure);
            return false;
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void release(@Advice.Enter boolean captured) {
        if (captured) {
            CapturedRequest.clear();
        }
    }
}
