package io.warmgate.samples.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;

/**
 * The endpoints as Vert.x web routes: lambdas, nothing an agent could recognise as a health handler by its class.
 * The business endpoint blocks (it computes cold items and may be made slow), so it runs as a blocking handler on
 * Vert.x's worker pool, unordered so that concurrent requests do not queue behind each other. The second health
 * check, {@value #READY}, is Vert.x's own health-check handler (JSON, answered asynchronously once its procedures
 * complete) behind a handler that only marks the answer as the application's and passes the request on; so is
 * {@value #SICK_READY}, whose procedure reports DOWN.
 */
final class Routes {

    /** Vert.x's health-check handler, with one procedure that is up. */
    static final String READY = "/ready";
    /** Vert.x's health-check handler, with one procedure that is down: the handler answers 503 itself. */
    static final String SICK_READY = "/sick/ready";

    private Routes() {
    }

    static Router router(Vertx vertx, SampleBackend backend) {
        Router router = Router.router(vertx);
        on(router, SampleEndpoints.HEALTH).handler(context -> send(context, SampleResponse.HEALTHY));
        on(router, SampleEndpoints.SICK_HEALTH).handler(context -> send(context, SampleResponse.UNHEALTHY));
        on(router, SampleEndpoints.LIVENESS).handler(context -> send(context, SampleResponse.ALIVE));
        on(router, SampleEndpoints.STATUS).handler(context -> send(context, SampleResponse.STATUS_OK));
        on(router, SampleEndpoints.ITEMS).blockingHandler(context -> send(context, backend.items(
                context.request().getParam(SampleEndpoints.ITEM_ID_PARAMETER),
                context.request().getHeader(SampleEndpoints.WARMUP_HEADER) != null)), false);
        on(router, SampleEndpoints.STATS).handler(context -> send(context, backend.stats()));
        on(router, READY).handler(Routes::markAsTheApplications).handler(ReadyCheck.handler(vertx, true));
        on(router, SICK_READY).handler(Routes::markAsTheApplications).handler(ReadyCheck.handler(vertx, false));
        return router;
    }

    /** A route for GET and HEAD on exactly {@code path}, as the other samples' endpoints answer both. */
    private static Route on(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    /** Passes the request on, having marked the answer the health-check handler will write as the application's. */
    private static void markAsTheApplications(RoutingContext context) {
        context.response().putHeader(SampleEndpoints.HEALTH_SOURCE_HEADER, SampleEndpoints.HEALTH_SOURCE_VALUE);
        context.next();
    }

    /** Writes a container-neutral answer; Vert.x sends no body for HEAD. */
    private static void send(RoutingContext context, SampleResponse answer) {
        HttpServerResponse response = context.response().setStatusCode(answer.status())
                .putHeader("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> response.putHeader(name, value));
        response.end(answer.body());
    }
}
