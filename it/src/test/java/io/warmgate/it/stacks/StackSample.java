package io.warmgate.it.stacks;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The samples of the stacks without a health servlet of their own, as the tests start them. They follow the servlet
 * samples' endpoint contract at the root ({@code /health}, {@code /sick/health}, {@code /livez}, {@code /status},
 * {@code /api/items}, {@code /api/stats}), so the servlet ramp assertions run against them unchanged, and have one
 * more health check, {@value #SECOND_HEALTH}, that passes more layers before it is answered.
 */
public enum StackSample implements RampTarget {

    /** Jetty 9 (javax): health answered by filters; {@code /ready} by a servlet behind a pass-through filter. */
    FILTER_JETTY("sample.filter-jetty.jar", "../samples/filter-jetty/target/sample-filter-jetty.jar", Map.of()),
    /** Undertow core handlers (lambdas); {@code /ready} is dispatched to a worker thread before it is answered. */
    UNDERTOW_CORE("sample.undertow.jar", "../samples/undertow/target/sample-undertow.jar",
            Map.of("sample.mode", "core")),
    /** Undertow's servlet mode: servlets behind a pass-through filter, as in WildFly or Spring Boot on Undertow. */
    UNDERTOW_SERVLET("sample.undertow.jar", "../samples/undertow/target/sample-undertow.jar",
            Map.of("sample.mode", "servlet")),
    /**
     * Micronaut 4 on Netty: {@code /health} is the management module's health endpoint (JSON), {@code /ready} and
     * {@code /sick/health} are controller methods.
     */
    MICRONAUT("sample.micronaut.jar", "../samples/micronaut/target/sample-micronaut.jar", Map.of()),
    /**
     * Vert.x 5 web: route lambdas on one router; {@code /ready} is Vert.x's health-check handler behind a handler
     * that passes the request on, answered asynchronously in JSON.
     */
    VERTX("sample.vertx.jar", "../samples/vertx/target/sample-vertx.jar", Map.of()),
    /** The same Vert.x web sample built on Vert.x 4.5 (Vert.x 4's health-check handler). */
    VERTX4("sample.vertx4.jar", "../samples/vertx4/target/sample-vertx4.jar", Map.of()),
    /**
     * Quarkus 3 (on Vert.x web): reactive routes, {@code /ready} among them, and SmallRye Health under
     * {@code /q/health}; the Quarkus Maven plugin's fast-jar layout.
     */
    QUARKUS("sample.quarkus.jar", "../samples/quarkus/target/quarkus-app/quarkus-run.jar", Map.of());

    /** The second health check every one of these samples has. */
    public static final String SECOND_HEALTH = "/ready";

    private final String jarProperty;
    private final String jarFallback;
    private final Map<String, String> systemProperties;

    StackSample(String jarProperty, String jarFallback, Map<String, String> systemProperties) {
        this.jarProperty = jarProperty;
        this.jarFallback = jarFallback;
        this.systemProperties = systemProperties;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String path(String pathInApp) {
        return pathInApp;
    }

    @Override
    public SampleProcess startWithAgent(String name, String agentArgs) {
        return ItEnvironment.startWithAgent(jar(), systemProperties, name, agentArgs);
    }

    /** The sample's jar, for tests that start it their own way. */
    public Path jar() {
        return ItEnvironment.jar(jarProperty, jarFallback);
    }

    public Map<String, String> systemProperties() {
        return systemProperties;
    }
}
