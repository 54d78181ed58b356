package io.warmgate.agent.webflux;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.HttpWebHandlerAdapter;
import reactor.core.publisher.Mono;

/**
 * A stand-in with the signature of {@code HttpWebHandlerAdapter.handle}, woven with the advice, that hands the
 * request on to Spring's real adapter: a rewritten copy of the adapter itself could not be loaded next to Spring
 * (it calls package-private Spring code), so the copy is this class, and Spring does the rest as in an
 * application. Public because the test loads the rewritten copy in a class loader of its own.
 */
public class AdapterEntry implements HttpHandler {

    private final HttpWebHandlerAdapter spring;

    public AdapterEntry(WebHandler application) {
        this.spring = new HttpWebHandlerAdapter(application);
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        return spring.handle(request, response);
    }
}
