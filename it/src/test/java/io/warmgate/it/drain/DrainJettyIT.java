package io.warmgate.it.drain;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;

/** The drain on SIGTERM with embedded Jetty (javax servlets). */
class DrainJettyIT extends DrainOnSigtermBehaviour {

    @Override
    protected SampleProcess start(String agentArgs) {
        return ItEnvironment.startWithAgent(SampleKind.JETTY, "jetty-drain", agentArgs);
    }

    @Override
    protected String healthPath() {
        return SampleKind.JETTY.path("/health");
    }

    @Override
    protected String businessPath() {
        return SampleKind.JETTY.path("/api/items");
    }
}
