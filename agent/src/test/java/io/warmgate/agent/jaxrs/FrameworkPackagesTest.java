package io.warmgate.agent.jaxrs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkPackagesTest {

    @Test
    void librariesArePassedOverByName() {
        assertThat(FrameworkPackages.contains(jakarta.ws.rs.core.Response.class.getName())).isTrue();
        assertThat(FrameworkPackages.contains(
                org.glassfish.jersey.message.internal.OutboundJaxrsResponse.class.getName())).isTrue();
        assertThat(FrameworkPackages.contains("org.glassfish.jersey.server.wadl.WadlResource")).isTrue();
    }

    @Test
    void applicationClassesAreLookedAt() {
        assertThat(FrameworkPackages.contains(JakartaResources.HealthCheck.class.getName())).isFalse();
        assertThat(FrameworkPackages.contains("com.acme.HealthResource")).isFalse();
        // A prefix is a package boundary, not any name that happens to start the same way.
        assertThat(FrameworkPackages.contains("javaxtools.HealthResource")).isFalse();
    }
}
