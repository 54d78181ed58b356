package io.warmgate.agent;

import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from a resource Maven filters at build time. */
final class AgentVersion {

    private AgentVersion() {
    }

    static String get() {
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
