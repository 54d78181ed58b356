package io.warmgate.samples.micronaut;

import io.micronaut.context.annotation.Factory;
import io.warmgate.samples.common.SampleBackend;
import jakarta.inject.Singleton;

/** One shared backend (catalog and counters) for the whole application, as in every sample. */
@Factory
public class BackendFactory {

    @Singleton
    public SampleBackend backend() {
        return new SampleBackend();
    }
}
