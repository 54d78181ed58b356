package io.warmgate.samples.micronaut;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;

/**
 * The business endpoints, served by the shared cold catalog. The items endpoint blocks (it computes cold items and
 * may be made slow), so it runs on Micronaut's blocking executor rather than on a Netty event loop.
 */
@Controller
public class ShopController {

    private final SampleBackend backend;

    public ShopController(SampleBackend backend) {
        this.backend = backend;
    }

    @Get(SampleEndpoints.ITEMS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public MutableHttpResponse<String> items(HttpRequest<?> request) {
        return Answers.of(backend.items(request.getParameters().get(SampleEndpoints.ITEM_ID_PARAMETER),
                request.getHeaders().contains(SampleEndpoints.WARMUP_HEADER)));
    }

    @Get(SampleEndpoints.STATS)
    public MutableHttpResponse<String> stats() {
        return Answers.of(backend.stats());
    }
}
