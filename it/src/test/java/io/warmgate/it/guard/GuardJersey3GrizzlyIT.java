package io.warmgate.it.guard;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.util.Map;

/** The guard on Jersey 3 over Grizzly, no servlet container: business requests timed by the Grizzly advice. */
class GuardJersey3GrizzlyIT extends GuardHoldsTheRampBehaviour {

    @Override
    SampleProcess start(Path slowFile, String agentArgs) {
        return ItEnvironment.startWithAgent(
                ItEnvironment.jar("sample.jaxrs-jersey3.jar", "../samples/jaxrs-jersey3/target/sample-jaxrs-jersey3.jar"),
                Map.of("sample.container", "grizzly", "sample.slow-file", slowFile.toString()), "jersey3-grizzly-guard",
                agentArgs);
    }

    @Override
    String path(String pathInApp) {
        return pathInApp;
    }
}
