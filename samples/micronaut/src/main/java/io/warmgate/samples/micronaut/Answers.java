package io.warmgate.samples.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.warmgate.samples.common.SampleResponse;
import java.util.Map;

/** Copies a container-neutral answer onto a Micronaut response, exactly: status, type, headers and body. */
final class Answers {

    private Answers() {
    }

    static MutableHttpResponse<String> of(SampleResponse answer) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(answer.status()))
                .contentType(answer.contentType());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.header(header.getKey(), header.getValue());
        }
        return response.body(answer.body());
    }
}
