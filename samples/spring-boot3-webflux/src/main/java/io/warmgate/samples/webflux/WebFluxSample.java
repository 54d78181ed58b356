package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleServer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample Spring Boot 3 WebFlux service on Reactor Netty (no servlet anywhere), with every kind of health check a
 * WebFlux application has:
 * <ul>
 *   <li>{@code /health}: an annotated controller method, {@link HealthController} (healthy);</li>
 *   <li>{@code /sick/health}: {@link SickHealthController}, mapped through a class-level prefix (unhealthy);</li>
 *   <li>{@code /ready} and {@code /livez}: functional routes, {@link ProbeRoutes} (healthy; liveness is never
 *       gated);</li>
 *   <li>{@code /actuator/health} with the Kubernetes probe groups ({@code readiness}, {@code liveness}): Actuator's
 *       reactive health endpoint, including the {@link SampleHealthIndicator}.</li>
 * </ul>
 * Business endpoints ({@link ShopController}): {@code /api/items?id=N} (cold-sensitive), {@code /api/stats},
 * {@code /status}. Every path moves under {@code spring.webflux.base-path} when it is set.
 *
 * <p>System properties: {@code sample.port} (0 = ephemeral), {@code sample.health} ({@code up}, {@code down},
 * {@code out-of-service}), and any Spring property such as {@code spring.webflux.base-path},
 * {@code management.server.port} (a separate management server; 0 = ephemeral) or
 * {@code management.endpoints.web.base-path}. Its only stdout output is {@code SAMPLE MANAGEMENT port=N} (with a
 * separate management server) followed by {@code SAMPLE READY port=N}; Spring's own logging goes to stderr (see
 * logback.xml).
 */
@SpringBootApplication
public class WebFluxSample {

    public static void main(String[] args) {
        try {
            SpringApplication application = new SpringApplication(WebFluxSample.class);
            // Read here rather than in application.properties so a bad value fails with the samples' own message.
            application.setDefaultProperties(Map.of("server.port", SampleServer.configuredPort()));
            application.run(args);
        } catch (RuntimeException e) {
            SampleServer.failStartup("sample-spring-boot3-webflux", e);
        }
    }
}
