package io.warmgate.it.grpc;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleProcess;
import java.util.Map;

/** The gRPC sample (samples/grpc) as the tests start it. */
final class GrpcSampleJar {

    /** Its standard health service: every service SERVING, or NOT_SERVING with {@code sample.health=down}. */
    static final String SICK_SERVICE = "warmgate.sample.Sick";
    static final String CATALOG_SERVICE = "warmgate.sample.Catalog";

    private GrpcSampleJar() {
    }

    static SampleProcess startWithAgent(String name, String agentArgs, Map<String, String> systemProperties) {
        return ItEnvironment.startWithAgent(ItEnvironment.jar("sample.grpc.jar", "../samples/grpc/target/sample-grpc.jar"),
                systemProperties, name, agentArgs);
    }
}
