package io.warmgate.it.robustness;

import io.warmgate.it.support.ItEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Two copies of the agent jar in different places, each named by its own {@code -javaagent}. */
class DoubleAttachTwoCopiesIT extends DoubleAttachBehaviour {

    @Override
    String name() {
        return "jetty-double-attach-two-copies";
    }

    @Override
    Path secondAgentJar() {
        Path copy = ItEnvironment.logDirectory().resolve("agent-copy").resolve("warmgate-agent-copy.jar");
        try {
            Files.createDirectories(copy.getParent());
            return Files.copy(ItEnvironment.agentJar(), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the agent jar to " + copy, e);
        }
    }
}
