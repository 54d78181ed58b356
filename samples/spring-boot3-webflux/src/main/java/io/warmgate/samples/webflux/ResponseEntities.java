package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Turns a container-neutral {@link SampleResponse} into what a WebFlux controller or route answers. */
final class ResponseEntities {

    private ResponseEntities() {
    }

    static ResponseEntity<String> of(SampleResponse answer) {
        return ResponseEntity.status(answer.status()).headers(headersOf(answer)).body(answer.body());
    }

    static HttpHeaders headersOf(SampleResponse answer) {
        HttpHeaders headers = new HttpHeaders();
        // Set explicitly, so Spring writes exactly this Content-Type whatever the client's Accept header says.
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(headers::set);
        return headers;
    }
}
