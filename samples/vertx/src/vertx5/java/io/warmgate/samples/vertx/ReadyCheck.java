package io.warmgate.samples.vertx;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * Vert.x 5's health-check handler (in vertx-web since 5; samples/vertx4 has the Vert.x 4 twin of this class, the
 * only source the two samples do not share).
 */
final class ReadyCheck {

    private ReadyCheck() {
    }

    /** The handler with one procedure, "catalog", that reports up or down. */
    static Handler<RoutingContext> handler(Vertx vertx, boolean up) {
        return HealthCheckHandler.create(vertx)
                .register("catalog", done -> done.complete(up ? Status.OK() : Status.KO()));
    }
}
