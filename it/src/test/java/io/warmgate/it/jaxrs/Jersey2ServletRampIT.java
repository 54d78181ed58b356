package io.warmgate.it.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.ServletRampBehaviour;
import org.junit.jupiter.api.Test;

/**
 * The servlet samples' ramp assertions against Jersey 2 (javax) inside Jetty, under a context path and a servlet
 * mapping (/app/rest). Here the servlet gate decides every health check by its path before Jersey runs; the
 * JAX-RS resources are still found and logged, but their advice must not decide a second time.
 */
class Jersey2ServletRampIT extends ServletRampBehaviour {

    private static final String RESOURCES = "io.warmgate.samples.jersey2.";

    Jersey2ServletRampIT() {
        super(JaxRsSample.JERSEY2_SERVLET, 1.0);
    }

    @Test
    void resourcesAreFoundButTheServletGateAloneDecides() {
        assertThat(agentLog().lines())
                .contains("[warmgate] health handler found: jax-rs (javax) " + RESOURCES + "HealthResource#check path /health")
                .contains("[warmgate] health handler found: jax-rs (javax) " + RESOURCES
                        + "StatusResource#ready path /status/ready")
                .contains("[warmgate] health handler found: servlet org.glassfish.jersey.servlet.ServletContainer"
                        + " path /app/rest/health");
        // The resource advice names the container it got the peer from when it decides; on a servlet container
        // it must never have decided.
        assertThat(agentLog().containing("jax-rs (javax)")).noneMatch(line -> line.contains(" on "));
    }
}
