package io.warmgate.it.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.ServletRampBehaviour;
import org.junit.jupiter.api.Test;

/**
 * The servlet samples' ramp assertions against Jersey 3 on Grizzly, where no servlet gate exists: the peer is
 * captured at Grizzly's entry and every decision is made in the JAX-RS resource method.
 */
class Jersey3GrizzlyRampIT extends ServletRampBehaviour {

    private static final String RESOURCES = "io.warmgate.samples.jersey3.";

    Jersey3GrizzlyRampIT() {
        super(JaxRsSample.JERSEY3_GRIZZLY, 1.0);
    }

    @Test
    void healthResourcesAreFoundAtClassLoadAndDecidedInTheResourceMethod() {
        assertThat(agentLog().lines())
                .contains("[warmgate] health handler found: jax-rs (jakarta) " + RESOURCES
                        + "HealthResource#check path /health")
                .contains("[warmgate] health handler found: jax-rs (jakarta) " + RESOURCES
                        + "StatusResource#ready path /status/ready")
                .contains("[warmgate] health handler found: jax-rs (jakarta) " + RESOURCES
                        + "HealthResource#check on grizzly path /health");
        assertThat(agentLog().containing("health handler found")).as("only health methods, never liveness or /status")
                .noneMatch(line -> line.contains("LivenessResource") || line.contains("StatusResource#status")
                        || line.contains("ItemsResource"));
    }
}
