package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness: the agent must never gate it, or an orchestrator would kill a healthy instance. */
@RestController
public class LivenessController {

    @GetMapping(SampleEndpoints.LIVENESS)
    public ResponseEntity<String> alive() {
        return ResponseEntities.of(SampleResponse.ALIVE);
    }
}
