package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleServer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample Spring Boot 2.7 service (javax servlet API, embedded Tomcat 9) whose health checks are its own Spring
 * MVC controllers, all under the context path {@value #CONTEXT_PATH}:
 * <ul>
 *   <li>{@code /shop/health} and {@code /shop/ready}: {@link HealthController} (healthy);</li>
 *   <li>{@code /shop/sick/health}: {@link SickHealthController}, mapped through a class-level prefix (unhealthy);</li>
 *   <li>{@code /shop/livez}: {@link LivenessController} (liveness: never gated);</li>
 *   <li>{@code /shop/status}, {@code /shop/api/items?id=N}, {@code /shop/api/stats}: {@link ShopController}.</li>
 * </ul>
 * Actuator is on the class path as well ({@code /shop/actuator/health} with probe groups).
 *
 * <p>It follows the samples' start-up contract: {@code sample.port} (0 = ephemeral), one
 * {@code SAMPLE READY port=N} line on stdout, Spring's own logging on stderr (see logback.xml).
 */
@SpringBootApplication
public class Boot2Sample {

    static final String CONTEXT_PATH = "/shop";

    public static void main(String[] args) {
        try {
            SpringApplication application = new SpringApplication(Boot2Sample.class);
            Map<String, Object> defaults = new HashMap<>();
            // Read here rather than in application.properties so a bad value fails with the samples' own message.
            defaults.put("server.port", SampleServer.configuredPort());
            defaults.put("server.servlet.context-path", CONTEXT_PATH);
            application.setDefaultProperties(defaults);
            application.run(args);
        } catch (RuntimeException e) {
            SampleServer.failStartup("sample-spring-boot2", e);
        }
    }
}
