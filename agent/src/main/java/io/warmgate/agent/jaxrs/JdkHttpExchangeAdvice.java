package io.warmgate.agent.jaxrs;

import com.sun.net.httpserver.HttpExchange;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.GateBridge;
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
            if (!GateBridge.isGated(path)) {
                return false;
            }
            InetSocketAddress remote = exchange.getRemoteAddress();
            String remoteAddress = remote == null ? null
                    : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
            InetSocketAddress local = exchange.getLocalAddress();
            String peerHeader = GateBridge.peerHeaderName();
            CapturedRequest.capture(path, remoteAddress, local == null ? -1 : local.getPort(),
                    peerHeader == null ? null : exchange.getRequestHeaders().getFirst(peerHeader),
                    exchange.getRequestHeaders().getFirst(GateBridge.WARMUP_HEADER), "jdk-http");
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
