package io.warmgate.samples.webflux;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The application's own opinion of its health, contributed to {@code /actuator/health} and to the readiness group
 * (see application.properties), the reactive way. {@code -Dsample.health=down} (or {@code out-of-service}) makes
 * the application report itself unhealthy, which the agent must pass through unchanged.
 */
@Component("sample")
public class SampleHealthIndicator implements ReactiveHealthIndicator {

    static final String PROPERTY = "sample.health";
    private static final List<Status> ACCEPTED = List.of(Status.UP, Status.DOWN, Status.OUT_OF_SERVICE);

    private final Status status = parse(System.getProperty(PROPERTY, "up"));

    @Override
    public Mono<Health> health() {
        return Mono.just(Health.status(status).withDetail("source", "app").build());
    }

    /** {@code up}, {@code down}, {@code out-of-service} (or {@code out_of_service}), in any case. */
    static Status parse(String raw) {
        Status parsed = new Status(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        if (!ACCEPTED.contains(parsed)) {
            throw new IllegalArgumentException(PROPERTY + "=" + raw + " is not valid; use up, down or out-of-service");
        }
        return parsed;
    }
}
