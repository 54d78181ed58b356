package io.warmgate.it.spring;

import io.warmgate.it.drain.DrainOnSigtermBehaviour;
import io.warmgate.testkit.SampleProcess;
import java.util.Map;

/**
 * The drain on SIGTERM with Spring Boot 3 and {@code server.shutdown=graceful}: Spring's graceful shutdown (its
 * own shutdown hook) runs after the drain, as it would without the agent.
 */
class DrainSpringBoot3GracefulIT extends DrainOnSigtermBehaviour {

    @Override
    protected SampleProcess start(String agentArgs) {
        return SpringSamples.BOOT3.start("boot3-graceful-drain", agentArgs, Map.of("server.shutdown", "graceful"));
    }

    @Override
    protected String healthPath() {
        return "/actuator/health/readiness";
    }

    @Override
    protected String businessPath() {
        return "/api/items";
    }
}
