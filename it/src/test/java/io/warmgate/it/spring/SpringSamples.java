package io.warmgate.it.spring;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot samples as the tests start them: runnable fat jars ({@code java -jar}, so the agent works
 * through Spring Boot's nested-jar class loader), forked with the agent like every other sample
 * ({@link ItEnvironment}: same JDK, log directory and JVM flags), only given longer to start.
 */
public enum SpringSamples {

    /** Spring Boot 2.7 (javax): MVC health controllers under {@code /shop}, the servlet samples' contract. */
    BOOT2("sample.spring-boot2.jar", "../samples/spring-boot2/target/sample-spring-boot2.jar",
            SpringSamples.DISPATCHER_HANDLER, SpringSamples.ACTUATOR_HANDLER),
    /** Spring Boot 3.5 (jakarta): Actuator health with probe groups at the root context. */
    BOOT3("sample.spring-boot3.jar", "../samples/spring-boot3/target/sample-spring-boot3.jar",
            SpringSamples.DISPATCHER_HANDLER, SpringSamples.ACTUATOR_HANDLER),
    /**
     * Spring Boot 3.5 WebFlux on Reactor Netty: the servlet samples' endpoint contract as annotated controllers and
     * functional routes, under {@code spring.webflux.base-path} when set, plus Actuator's reactive health endpoint
     * with probe groups.
     */
    BOOT3_WEBFLUX("sample.spring-boot3-webflux.jar",
            "../samples/spring-boot3-webflux/target/sample-spring-boot3-webflux.jar",
            SpringSamples.WEBFLUX_HANDLER, SpringSamples.WEBFLUX_ACTUATOR_HANDLER);

    /** How the agent's "health handler found" lines name Spring MVC's front servlet, before the path it gates. */
    static final String DISPATCHER_HANDLER = "servlet org.springframework.web.servlet.DispatcherServlet";
    /** The same for WebFlux: where the reactive server hands requests to Spring. */
    static final String WEBFLUX_HANDLER = "spring-webflux org.springframework.web.server.adapter.HttpWebHandlerAdapter";
    /** The line for Actuator's health endpoint, found as its class loads. */
    static final String ACTUATOR_HANDLER = "spring-actuator health endpoint";
    static final String WEBFLUX_ACTUATOR_HANDLER = "spring-actuator (webflux) health endpoint";

    /** Spring Boot needs a few seconds on a busy 2-core box, more on the first start of a JDK. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern MANAGEMENT_PORT = Pattern.compile("SAMPLE MANAGEMENT port=(\\d+)");

    private final String property;
    private final String fallback;
    private final String gateHandler;
    private final String actuatorHandler;

    SpringSamples(String property, String fallback, String gateHandler, String actuatorHandler) {
        this.property = property;
        this.fallback = fallback;
        this.gateHandler = gateHandler;
        this.actuatorHandler = actuatorHandler;
    }

    /** How the gate's "health handler found" line names what serves this sample's health paths. */
    String gateHandler() {
        return gateHandler;
    }

    /** How the "health handler found" line for this sample's Actuator health endpoint begins. */
    String actuatorHandler() {
        return actuatorHandler;
    }

    Path jar() {
        Path jar = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first, e.g. `mvn -DskipTests -pl agent,"
                    + "samples/spring-boot2,samples/spring-boot3 -am package`");
        }
        return jar;
    }

    /**
     * Forks the sample with the agent and waits for its READY line.
     *
     * @param properties system properties for the sample, e.g. Spring Boot settings such as
     *                   {@code management.server.port}
     */
    public SampleProcess start(String name, String agentArgs, Map<String, String> properties) {
        return ItEnvironment.startWithAgent(jar(), properties, name, agentArgs, READY_TIMEOUT);
    }

    /**
     * This sample as a {@link RampTarget}, for samples that follow the servlet samples' endpoint contract.
     *
     * @param label       short name for logs and timing reports
     * @param contextPath where the application's paths start, e.g. {@code /shop}
     */
    RampTarget asRampTarget(String label, String contextPath) {
        return asRampTarget(label, contextPath, Map.of());
    }

    /** As {@link #asRampTarget(String, String)}, started with these system properties (Spring settings). */
    RampTarget asRampTarget(String label, String contextPath, Map<String, String> properties) {
        return new RampTarget() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public String path(String pathInApp) {
                return contextPath + pathInApp;
            }

            @Override
            public SampleProcess startWithAgent(String name, String agentArgs) {
                return start(name, agentArgs, properties);
            }
        };
    }

    /** The separate management server's port, which the Boot 3 sample prints before its READY line. */
    static int managementPort(SampleProcess sample) {
        for (String line : sample.stdoutLines()) {
            Matcher matcher = MANAGEMENT_PORT.matcher(line);
            if (matcher.matches()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("no management port announced\n" + sample.recentOutput());
    }
}
