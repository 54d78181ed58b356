package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleResponse;
import javax.ws.rs.core.Response;
import java.util.Map;

/** Turns a container-neutral {@link SampleResponse} into a JAX-RS {@link Response}. */
final class JaxRsResponses {

    private JaxRsResponses() {
    }

    static Response of(SampleResponse answer) {
        Response.ResponseBuilder builder = Response.status(answer.status())
                .type(answer.contentType())
                .entity(answer.body());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }
}
