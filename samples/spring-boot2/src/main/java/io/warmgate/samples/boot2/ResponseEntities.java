package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Turns a container-neutral {@link SampleResponse} into the {@link ResponseEntity} a controller returns. */
final class ResponseEntities {

    private ResponseEntities() {
    }

    static ResponseEntity<String> of(SampleResponse answer) {
        HttpHeaders headers = new HttpHeaders();
        // Set explicitly, so Spring writes exactly this Content-Type whatever the client's Accept header says.
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(headers::set);
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
