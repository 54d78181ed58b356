package io.warmgate.agent.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.ExchangeDecisions;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

import java.net.InetSocketAddress;

/**
 * Inlined into Undertow's {@code Connectors.executeRootHandler(HttpHandler, HttpServerExchange)}, which runs the
 * server's root handler for every request, and again for each dispatch of the request to another thread.
 *
 * <p>A health check is decided the first time its exchange enters ({@link ExchangeDecisions}), with the peer from
 * the exchange's source address; a denied peer gets the 503 and no handler runs. While an allowed health check runs
 * on a thread, Undertow's servlet mode (whose servlets and filters run inside a later entry, on a worker thread)
 * finds it decided and only names its servlet or filter. Otherwise, once the response has started, the root handler
 * is named in the log: Undertow does not say which handler of its chain answered.
 *
 * <p>Business requests pay the path check (the exchange's already decoded path) and nothing else.
 */
public final class UndertowRootAdvice {

    private UndertowRootAdvice() {
    }

    /**
     * @param health set to true for an allowed health check, so the exit looks at it
     * @param outer  what the exit hands back to {@link ExchangeDecisions#leave}
     * @return true to skip the root handler because a denial was sent
     */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static boolean denyBeforeRootHandler(@Advice.Argument(0) HttpHandler handler,
                                                @Advice.Argument(1) HttpServerExchange exchange,
                                                @Advice.Local("warmgateHealth") boolean health,
                                                @Advice.Local("warmgateOuter") Object outer) {
        try {
            String path = exchange.getRequestPath();
            if (!GateBridge.isGated(path)) {
                return false;
            }
            if (ExchangeDecisions.firstSight(exchange, handler.getClass().getName())) {
                // Every value in a local first: a conditional between "new" and its constructor call leaves
                // uninitialised-object stack frames that cannot be moved when the advice is inlined.
                HeaderMap headers = exchange.getRequestHeaders();
                String peerHeader = GateBridge.peerHeaderName();
                String peerHeaderValue = peerHeader == null ? null : headers.getFirst(peerHeader);
                InetSocketAddress local = exchange.getDestinationAddress();
                int localPort = local == null ? -1 : local.getPort();
                HealthRequest check = new HealthRequest(path, GateBridge.hostAddress(exchange.getSourceAddress()),
                        GateBridge.hostAddress(local), localPort, peerHeaderValue,
                        headers.getFirst(GateBridge.WARMUP_HEADER), headers.getFirst(Headers.USER_AGENT),
                        headers.getFirst(GateBridge.FLEET_HEADER), null, null, null);
                Denial denial = GateBridge.check(check);
                if (denial != null && !exchange.isResponseStarted()) {
                    HeaderMap answer = exchange.getResponseHeaders();
                    exchange.setStatusCode(Denial.STATUS);
                    answer.put(new HttpString(GateBridge.RESPONSE_HEADER), denial.headerValue());
                    answer.put(Headers.CACHE_CONTROL, "no-store");
                    answer.put(Headers.CONTENT_TYPE, "text/plain;charset=UTF-8");
                    // Sends the body (none for HEAD: Undertow drops it) and ends the exchange when written.
                    exchange.getResponseSender().send(denial.body());
                    return true;
                }
            }
            outer = ExchangeDecisions.enter(exchange);
            health = true;
            return false;
        } catch (Throwable failure) {
            GateBridge.failed("undertow advice", failure);
            return false;
        }
    }

    /** Leaves the decided health check; names the root handler if no servlet or filter answered it. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void afterRootHandler(@Advice.Argument(1) HttpServerExchange exchange,
                                        @Advice.Local("warmgateHealth") boolean health,
                                        @Advice.Local("warmgateOuter") Object outer) {
        if (!health) {
            return;
        }
        try {
            ExchangeDecisions.leave(outer);
            if (exchange.isResponseStarted()) {
                String root = ExchangeDecisions.takeUnnamedHandler(exchange);
                if (root != null) {
                    GateBridge.handlerAnswered("undertow", root, exchange.getRequestPath());
                }
            }
        } catch (Throwable failure) {
            GateBridge.failed("undertow advice (exit)", failure);
        }
    }
}
