package io.warmgate.samples.boot3;

import io.warmgate.samples.common.SampleServer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample Spring Boot 3 service (jakarta servlet API, embedded Tomcat) whose health checks are Spring Boot
 * Actuator's, with the Kubernetes probe groups enabled:
 * <ul>
 *   <li>{@code /actuator/health}: overall health, including the {@link SampleHealthIndicator};</li>
 *   <li>{@code /actuator/health/readiness}: readiness state plus the sample indicator (what a load balancer
 *       checks);</li>
 *   <li>{@code /actuator/health/liveness}: liveness state only (never gated by the agent).</li>
 * </ul>
 * Business endpoints: {@code /api/items?id=N} (cold-sensitive) and {@code /api/stats}.
 *
 * <p>System properties: {@code sample.port} (0 = ephemeral), {@code sample.health} ({@code up}, {@code down},
 * {@code out-of-service}), and any Spring property such as {@code management.server.port} (a separate
 * management server; 0 = ephemeral) or {@code management.endpoints.web.base-path}. Its only stdout output is
 * {@code SAMPLE MANAGEMENT port=N} (with a separate management server) followed by {@code SAMPLE READY port=N};
 * Spring's own logging goes to stderr (see logback.xml).
 */
@SpringBootApplication
public class Boot3Sample {

    public static void main(String[] args) {
        try {
            SpringApplication application = new SpringApplication(Boot3Sample.class);
            // Read here rather than in application.properties so a bad value fails with the samples' own message.
            application.setDefaultProperties(Map.of("server.port", SampleServer.configuredPort()));
            application.run(args);
        } catch (RuntimeException e) {
            SampleServer.failStartup("sample-spring-boot3", e);
        }
    }
}
