package io.warmgate.samples.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * With {@code -Dsample.health=down}, a health indicator that reports DOWN: the management endpoint then answers 503
 * on {@code /health} and {@code /health/readiness}, as a service with a broken dependency does.
 */
@Singleton
@Requires(property = "sample.health", value = "down")
public class SampleHealthIndicator implements HealthIndicator {

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("sample").status(HealthStatus.DOWN).build());
    }
}
