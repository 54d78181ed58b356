package io.warmgate.samples.grpc;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.Locale;

/**
 * The standard health service as grpc-java provides it ({@link HealthStatusManager}), with the statuses the tests
 * rely on:
 * <ul>
 *   <li>the whole server ({@code ""}) and {@value CatalogService#SERVICE}: {@code SERVING}, or {@code NOT_SERVING}
 *       with {@code -Dsample.health=down}, the gRPC counterpart of the other samples' DOWN switches;</li>
 *   <li>{@value #SICK_SERVICE}: always {@code NOT_SERVING}, like the other samples' {@code /sick/health}, so a test
 *       sees the application's own "not serving" next to a serving one in the same JVM.</li>
 * </ul>
 */
final class SampleHealth {

    static final String PROPERTY = "sample.health";
    static final String SICK_SERVICE = "warmgate.sample.Sick";

    private final HealthStatusManager manager = new HealthStatusManager();

    /**
     * @throws IllegalArgumentException when {@value #PROPERTY} is neither {@code up} nor {@code down}
     */
    SampleHealth() {
        ServingStatus status = configured(System.getProperty(PROPERTY));
        manager.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        manager.setStatus(CatalogService.SERVICE, status);
        manager.setStatus(SICK_SERVICE, ServingStatus.NOT_SERVING);
    }

    static ServingStatus configured(String raw) {
        String value = raw == null ? "up" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "up" -> ServingStatus.SERVING;
            case "down" -> ServingStatus.NOT_SERVING;
            default -> throw new IllegalArgumentException(PROPERTY + "=" + raw + " is not a health status; use up or down");
        };
    }

    BindableService service() {
        return manager.getHealthService();
    }

    /** Tells every client the server stops serving, as a server should before it goes. */
    void stopServing() {
        manager.enterTerminalState();
    }
}
