package io.warmgate.agent.jaxrs;

import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkPackagesTest {

    private final FrameworkPackages frameworks = new FrameworkPackages();

    @Test
    void librariesArePassedOverByName() {
        assertThat(frameworks.matches(TypeDescription.ForLoadedType.of(jakarta.ws.rs.core.Response.class))).isTrue();
        assertThat(frameworks.matches(TypeDescription.ForLoadedType.of(org.glassfish.jersey.message.internal.OutboundJaxrsResponse.class)))
                .isTrue();
        assertThat(frameworks.matches(new TypeDescription.Latent("org.glassfish.jersey.server.wadl.WadlResource", 0, null)))
                .isTrue();
    }

    @Test
    void applicationClassesAreLookedAt() {
        assertThat(frameworks.matches(TypeDescription.ForLoadedType.of(JakartaResources.HealthCheck.class))).isFalse();
        assertThat(frameworks.matches(new TypeDescription.Latent("com.acme.HealthResource", 0, null))).isFalse();
        // A prefix is a package boundary, not any name that happens to start the same way.
        assertThat(frameworks.matches(new TypeDescription.Latent("javaxtools.HealthResource", 0, null))).isFalse();
    }
}
