package io.warmgate.testkit;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The servlet samples that the demo and the integration tests fork, with where their fat jars are built and their
 * context path.
 */
public enum SampleKind {
    TOMCAT("samples/servlet-tomcat/target/sample-servlet-tomcat.jar", "/shop"),
    JETTY("samples/servlet-jetty/target/sample-servlet-jetty.jar", "");

    private final String jarInRepository;
    private final String contextPath;

    SampleKind(String jarInRepository, String contextPath) {
        this.jarInRepository = jarInRepository;
        this.contextPath = contextPath;
    }

    /** The fat jar, relative to the repository root. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(jarInRepository);
    }

    /** A path inside the sample's web application, e.g. {@code /health} becomes {@code /shop/health}. */
    public String path(String pathInApp) {
        return contextPath + pathInApp;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SampleKind fromLabel(String label) {
        for (SampleKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + label + "' (expected tomcat or jetty)");
    }
}
