package io.warmgate.agent;

import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's version: the jar manifest's {@code Implementation-Version}, which the JVM has read already while
 * loading the agent's classes; outside a jar (unit tests), a resource Maven filters at build time.
 */
final class AgentVersion {

    private AgentVersion() {
    }

    static String get() {
        Package own = AgentVersion.class.getPackage();
        String fromManifest = own == null ? null : own.getImplementationVersion();
        return fromManifest != null ? fromManifest : fromResource();
    }

    private static String fromResource() {
        try {
            InputStream in = AgentVersion.class.getResourceAsStream("/io/warmgate/warmgate-version.properties");
            if (in == null) {
                return "dev";
            }
            try {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            } finally {
                in.close();
            }
        } catch (Exception unreadable) {
            return "dev";
        }
    }
}
