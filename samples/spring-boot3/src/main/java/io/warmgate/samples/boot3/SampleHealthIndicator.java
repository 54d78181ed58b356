package io.warmgate.samples.boot3;

import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The application's own opinion of its health, contributed to {@code /actuator/health} and to the readiness
 * group (see application.properties). {@code -Dsample.health=down} (or {@code out-of-service}) makes the
 * application report itself unhealthy, which the agent must pass through unchanged.
 */
@Component("sample")
public class SampleHealthIndicator implements HealthIndicator {

    static final String PROPERTY = "sample.health";

    private final Status status = parse(System.getProperty(PROPERTY, "up"));

    @Override
    public Health health() {
        return Health.status(status).withDetail("source", "app").build();
    }

    static Status parse(String raw) {
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "up":
                return Status.UP;
            case "down":
                return Status.DOWN;
            case "out-of-service":
            case "out_of_service":
                return Status.OUT_OF_SERVICE;
            default:
                throw new IllegalArgumentException(PROPERTY + "=" + raw + " is not valid; use up, down or out-of-service");
        }
    }
}
