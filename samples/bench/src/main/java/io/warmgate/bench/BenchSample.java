package io.warmgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The runnable sample services, where their fat jars are built and where their endpoints live. All of them
 * follow the same contract ({@code <base>/health}, {@code <base>/api/items?id=N}, {@code <base>/api/stats}).
 */
public enum BenchSample {
    TOMCAT("samples/servlet-tomcat/target/sample-servlet-tomcat.jar", "/shop", Map.of()),
    JETTY("samples/servlet-jetty/target/sample-servlet-jetty.jar", "", Map.of()),
    FILTER_JETTY("samples/filter-jetty/target/sample-filter-jetty.jar", "", Map.of()),
    UNDERTOW_CORE("samples/undertow/target/sample-undertow.jar", "", Map.of("sample.mode", "core")),
    UNDERTOW_SERVLET("samples/undertow/target/sample-undertow.jar", "", Map.of("sample.mode", "servlet")),
    JERSEY3_GRIZZLY("samples/jaxrs-jersey3/target/sample-jaxrs-jersey3.jar", "",
            Map.of("sample.container", "grizzly")),
    JERSEY2_SERVLET("samples/jaxrs-jersey2-servlet/target/sample-jaxrs-jersey2-servlet.jar", "/app/rest", Map.of()),
    SPRING_BOOT2("samples/spring-boot2/target/sample-spring-boot2.jar", "/shop", Map.of()),
    SPRING_BOOT3("samples/spring-boot3/target/sample-spring-boot3.jar", "", Map.of()),
    SPRING_BOOT3_WEBFLUX("samples/spring-boot3-webflux/target/sample-spring-boot3-webflux.jar", "", Map.of()),
    MICRONAUT("samples/micronaut/target/sample-micronaut.jar", "", Map.of()),
    VERTX("samples/vertx/target/sample-vertx.jar", "", Map.of()),
    VERTX4("samples/vertx4/target/sample-vertx4.jar", "", Map.of()),
    QUARKUS("samples/quarkus/target/quarkus-app/quarkus-run.jar", "", Map.of());

    private final String jarInRepository;
    private final String basePath;
    private final Map<String, String> systemProperties;

    BenchSample(String jarInRepository, String basePath, Map<String, String> systemProperties) {
        this.jarInRepository = jarInRepository;
        this.basePath = basePath;
        this.systemProperties = systemProperties;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(jarInRepository);
    }

    public boolean isBuilt(Path repositoryRoot) {
        return Files.isRegularFile(jar(repositoryRoot));
    }

    /** A path inside the application, e.g. {@code /api/stats} becomes {@code /shop/api/stats}. */
    public String path(String pathInApp) {
        return basePath + pathInApp;
    }

    /** System properties the sample needs besides its port (e.g. which container the Jersey 3 sample uses). */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    public static BenchSample fromLabel(String label) {
        for (BenchSample sample : values()) {
            if (sample.label().equals(label)) {
                return sample;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + label + "'");
    }
}
