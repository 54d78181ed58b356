package io.warmgate.it.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.ServletRampBehaviour;
import org.junit.jupiter.api.Test;

/**
 * The servlet samples' ramp assertions against Jersey 3 on the JDK's own HTTP server (no servlet container),
 * with aggression 2, so the curved ramp is covered on this path too.
 */
class Jersey3JdkHttpRampIT extends ServletRampBehaviour {

    Jersey3JdkHttpRampIT() {
        super(JaxRsSample.JERSEY3_JDK_HTTP, 2.0);
    }

    @Test
    void healthChecksAreDecidedInTheResourceMethodWithThePeerFromTheJdkServer() {
        assertThat(agentLog().lines()).contains("[warmgate] health handler found: jax-rs (jakarta) "
                + "io.warmgate.samples.jersey3.HealthResource#check on jdk-http path /health");
    }
}
