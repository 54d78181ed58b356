package io.warmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.jar.JarFile;

/** Facts about the built agent jar that the tests compare the agent's own log against. */
public final class AgentJar {

    private AgentJar() {
    }

    /** {@code Implementation-Version} from the jar's manifest, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (JarFile jar = new JarFile(ItEnvironment.agentJar().toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            if (version == null) {
                throw new IllegalStateException("no Implementation-Version in " + ItEnvironment.agentJar());
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
