package io.warmgate.it.guard;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Path;
import java.util.Map;

/** The guard on the Tomcat sample: business requests timed by the servlet advice. */
class GuardTomcatIT extends GuardHoldsTheRampBehaviour {

    @Override
    SampleProcess start(Path slowFile, String agentArgs) {
        return ItEnvironment.startWithAgent(ItEnvironment.sampleJar(SampleKind.TOMCAT),
                Map.of("sample.slow-file", slowFile.toString()), "tomcat-guard", agentArgs);
    }

    @Override
    String path(String pathInApp) {
        return SampleKind.TOMCAT.path(pathInApp);
    }
}
