package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own health checks, always healthy: the handlers the agent is expected to find (one mapped
 * with {@code @GetMapping}, one with the older {@code @RequestMapping(method = GET)} form) and gate.
 */
@RestController
public class HealthController {

    @GetMapping(SampleEndpoints.HEALTH)
    public ResponseEntity<String> health() {
        return ResponseEntities.of(SampleResponse.HEALTHY);
    }

    @RequestMapping(path = "/ready", method = RequestMethod.GET)
    public ResponseEntity<String> ready() {
        return ResponseEntities.of(SampleResponse.HEALTHY);
    }
}
