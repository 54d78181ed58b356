package io.warmgate.it.drain;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleProcess;
import java.util.Map;

/** The drain on SIGTERM with a standalone JAX-RS application: Jersey 3 on Grizzly, no servlet container. */
class DrainJersey3GrizzlyIT extends DrainOnSigtermBehaviour {

    @Override
    protected SampleProcess start(String agentArgs) {
        return ItEnvironment.startWithAgent(ItEnvironment.jar("sample.jaxrs-jersey3.jar",
                "../samples/jaxrs-jersey3/target/sample-jaxrs-jersey3.jar"), Map.of("sample.container", "grizzly"),
                "jersey3-grizzly-drain", agentArgs);
    }

    @Override
    protected String healthPath() {
        return "/health";
    }

    @Override
    protected String businessPath() {
        return "/api/items";
    }
}
