package io.warmgate.samples.quarkus;

import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The samples' endpoints as Quarkus reactive routes (methods Quarkus turns into Vert.x web routes at build time):
 * nothing the agent recognises as a health handler by its class; it gates them by path at the router. The business
 * endpoint blocks, so it runs on a worker thread. {@value #READY} is a second plain health route; SmallRye Health's
 * {@code /q/health/ready} (with {@link CatalogReadiness}) is the framework's own.
 */
@ApplicationScoped
public class SampleRoutes {

    static final String READY = "/ready";

    private final SampleBackend backend = new SampleBackend();

    @Route(path = SampleEndpoints.HEALTH, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void health(RoutingContext context) {
        send(context, SampleResponse.HEALTHY);
    }

    @Route(path = SampleEndpoints.SICK_HEALTH, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void sickHealth(RoutingContext context) {
        send(context, SampleResponse.UNHEALTHY);
    }

    @Route(path = READY, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void ready(RoutingContext context) {
        send(context, SampleResponse.HEALTHY);
    }

    @Route(path = SampleEndpoints.LIVENESS, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void liveness(RoutingContext context) {
        send(context, SampleResponse.ALIVE);
    }

    @Route(path = SampleEndpoints.STATUS, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void status(RoutingContext context) {
        send(context, SampleResponse.STATUS_OK);
    }

    @Blocking
    @Route(path = SampleEndpoints.ITEMS, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void items(RoutingContext context) {
        send(context, backend.items(context.request().getParam(SampleEndpoints.ITEM_ID_PARAMETER),
                context.request().getHeader(SampleEndpoints.WARMUP_HEADER) != null));
    }

    @Route(path = SampleEndpoints.STATS, methods = {HttpMethod.GET, HttpMethod.HEAD})
    void stats(RoutingContext context) {
        send(context, backend.stats());
    }

    private static void send(RoutingContext context, SampleResponse answer) {
        HttpServerResponse response = context.response().setStatusCode(answer.status())
                .putHeader("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> response.putHeader(name, value));
        response.end(answer.body());
    }
}
