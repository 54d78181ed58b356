package io.warmgate.it.drain;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;

/** The drain on SIGTERM with embedded Tomcat (jakarta servlets). */
class DrainTomcatIT extends DrainOnSigtermBehaviour {

    @Override
    protected SampleProcess start(String agentArgs) {
        return ItEnvironment.startWithAgent(SampleKind.TOMCAT, "tomcat-drain", agentArgs);
    }

    @Override
    protected String healthPath() {
        return SampleKind.TOMCAT.path("/health");
    }

    @Override
    protected String businessPath() {
        return SampleKind.TOMCAT.path("/api/items");
    }
}
