package io.warmgate.samples.vertx;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x 4's health-check handler (in vertx-health-check; Vert.x 5 moved it to vertx-web): the Vert.x 4 twin of
 * samples/vertx's class of the same name, the only source the two samples do not share.
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
