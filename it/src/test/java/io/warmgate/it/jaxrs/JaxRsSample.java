package io.warmgate.it.jaxrs;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The JAX-RS samples as the tests start them. They follow the servlet samples' endpoint contract
 * ({@code /health}, {@code /sick/health}, {@code /livez}, {@code /status}, {@code /api/items}, {@code /api/stats}),
 * so the servlet ramp tests run against them unchanged; {@code /status/ready} is their extra health resource
 * whose method returns a {@code String}.
 */
public enum JaxRsSample implements RampTarget {

    /** Jersey 3 (jakarta) on Grizzly, no servlet container, root path. */
    JERSEY3_GRIZZLY(Jar.JERSEY3, "", Map.of("sample.container", "grizzly")),
    /** Jersey 3 (jakarta) on the JDK's com.sun.net.httpserver, no servlet container, root path. */
    JERSEY3_JDK_HTTP(Jar.JERSEY3, "", Map.of("sample.container", "jdk-http")),
    /** Jersey 2 (javax) as a servlet in embedded Jetty 9: context /app, servlet mapping /rest/*. */
    JERSEY2_SERVLET(Jar.JERSEY2_SERVLET, "/app/rest", Map.of());

    private enum Jar {
        JERSEY3("sample.jaxrs-jersey3.jar", "../samples/jaxrs-jersey3/target/sample-jaxrs-jersey3.jar"),
        JERSEY2_SERVLET("sample.jaxrs-jersey2-servlet.jar",
                "../samples/jaxrs-jersey2-servlet/target/sample-jaxrs-jersey2-servlet.jar");

        private final String property;
        private final String fallback;

        Jar(String property, String fallback) {
            this.property = property;
            this.fallback = fallback;
        }

        Path path() {
            return ItEnvironment.jar(property, fallback);
        }
    }

    private final Jar jar;
    private final String basePath;
    private final Map<String, String> systemProperties;

    JaxRsSample(Jar jar, String basePath, Map<String, String> systemProperties) {
        this.jar = jar;
        this.basePath = basePath;
        this.systemProperties = systemProperties;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String path(String pathInApp) {
        return basePath + pathInApp;
    }

    @Override
    public SampleProcess startWithAgent(String name, String agentArgs) {
        return ItEnvironment.startWithAgent(jar.path(), systemProperties, name, agentArgs);
    }
}
