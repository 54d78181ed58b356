package io.warmgate.samples.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;

/**
 * The probes that are plain controller methods: a second health check that passes the route and the controller
 * rather than the management endpoint, the health check of a service that says it is unhealthy, and liveness.
 */
@Controller
public class ProbeController {

    /** A readiness check written as an ordinary controller method. */
    static final String READY = "/ready";

    @Get(READY)
    public MutableHttpResponse<String> ready() {
        return Answers.of(SampleResponse.HEALTHY);
    }

    @Get(SampleEndpoints.SICK_HEALTH)
    public MutableHttpResponse<String> sick() {
        return Answers.of(SampleResponse.UNHEALTHY);
    }

    @Get(SampleEndpoints.LIVENESS)
    public MutableHttpResponse<String> liveness() {
        return Answers.of(SampleResponse.ALIVE);
    }

    @Get(SampleEndpoints.STATUS)
    public HttpResponse<String> status() {
        return Answers.of(SampleResponse.STATUS_OK);
    }
}
