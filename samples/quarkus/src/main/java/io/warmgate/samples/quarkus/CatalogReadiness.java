package io.warmgate.samples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** SmallRye Health's readiness probe ({@code /q/health/ready}) with one check that is up. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("catalog");
    }
}
