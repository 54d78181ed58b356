package io.warmgate.samples.jersey2;

import io.warmgate.samples.common.SampleBackend;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The sample's JAX-RS application. Resources are registered explicitly rather than found by package scanning:
 * no scanning keeps start-up short, and the agent finds the health resources by their annotations anyway.
 */
final class SampleApplication {

    private SampleApplication() {
    }

    static ResourceConfig create(SampleBackend backend) {
        return new ResourceConfig()
                .register(HealthResource.class)
                .register(StatusResource.class)
                .register(SickHealthResource.class)
                .register(LivenessResource.class)
                .register(ItemsResource.class)
                .register(StatsResource.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(backend).to(SampleBackend.class);
                    }
                })
                // WADL needs JAXB, which the sample does not ship; without this Jersey warns at every start.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
