package io.warmgate.samples.undertow;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;

/**
 * The endpoints as Undertow core handlers: lambdas on a {@code PathHandler}, nothing an agent could recognise as a
 * health handler by its class. The business endpoint blocks (it computes cold items and may be made slow), so it
 * runs behind a {@code BlockingHandler}, which dispatches it to a worker thread; so does the second health check,
 * {@value #DISPATCHED_HEALTH}, which thereby enters Undertow's root handler twice per request.
 */
final class CoreHandlers {

    /** A health check dispatched to a worker thread before it is answered. */
    static final String DISPATCHED_HEALTH = "/ready";

    private CoreHandlers() {
    }

    static HttpHandler paths(SampleBackend backend) {
        return Handlers.path()
                .addExactPath(SampleEndpoints.HEALTH, exchange -> send(exchange, SampleResponse.HEALTHY))
                .addExactPath(SampleEndpoints.SICK_HEALTH, exchange -> send(exchange, SampleResponse.UNHEALTHY))
                .addExactPath(DISPATCHED_HEALTH, new BlockingHandler(
                        exchange -> send(exchange, SampleResponse.HEALTHY)))
                .addExactPath(SampleEndpoints.LIVENESS, exchange -> send(exchange, SampleResponse.ALIVE))
                .addExactPath(SampleEndpoints.STATUS, exchange -> send(exchange, SampleResponse.STATUS_OK))
                .addExactPath(SampleEndpoints.ITEMS, new BlockingHandler(exchange -> send(exchange,
                        backend.items(firstQueryParameter(exchange, SampleEndpoints.ITEM_ID_PARAMETER),
                                exchange.getRequestHeaders().contains(SampleEndpoints.WARMUP_HEADER)))))
                .addExactPath(SampleEndpoints.STATS, exchange -> send(exchange, backend.stats()));
    }

    /** Writes a container-neutral answer; Undertow sends no body for HEAD. */
    private static void send(HttpServerExchange exchange, SampleResponse answer) {
        exchange.setStatusCode(answer.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, answer.contentType());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            exchange.getResponseHeaders().put(new HttpString(header.getKey()), header.getValue());
        }
        exchange.getResponseSender().send(answer.body(), StandardCharsets.UTF_8);
    }

    private static String firstQueryParameter(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }
}
