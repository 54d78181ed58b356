package io.warmgate.it.robustness;

import io.warmgate.it.support.ItEnvironment;
import java.nio.file.Path;

/** {@code -javaagent:warmgate-agent.jar} twice on the command line. */
class DoubleAttachSameJarIT extends DoubleAttachBehaviour {

    @Override
    String name() {
        return "jetty-double-attach-same-jar";
    }

    @Override
    Path secondAgentJar() {
        return ItEnvironment.agentJar();
    }
}
