package io.warmgate.agent.vertx;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * A stand-in with the signature of {@code RouterImpl.handle(HttpServerRequest)}, woven with the advice, that hands
 * the request on to a real Vert.x router: the server calls it as it would call the application's root router.
 * Public because the test loads the rewritten copy in a class loader of its own.
 */
public class RouterEntry implements Handler<HttpServerRequest> {

    private final Router router;

    public RouterEntry(Router router) {
        this.router = router;
    }

    @Override
    public void handle(HttpServerRequest request) {
        router.handle(request);
    }
}
