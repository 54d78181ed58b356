package io.warmgate.agent.micronaut;

import io.micronaut.core.execution.ExecutionFlow;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stand-in with the shape of {@code RequestLifecycle.normalFlow(HttpRequest)}, woven with the advice: Micronaut's
 * own lifecycle needs a whole running server (route executor, router, bean context) to be built, and the advice only
 * depends on the method's argument and return type. Public, with a JDK-typed entry, because the test loads the
 * rewritten copy in a class loader of its own.
 */
public class LifecycleEntry implements Function<HttpRequest<?>, ExecutionFlow<HttpResponse<?>>> {

    private final Supplier<HttpResponse<?>> application;

    public LifecycleEntry(Supplier<HttpResponse<?>> application) {
        this.application = application;
    }

    @Override
    public ExecutionFlow<HttpResponse<?>> apply(HttpRequest<?> request) {
        return normalFlow(request);
    }

    protected final ExecutionFlow<HttpResponse<?>> normalFlow(HttpRequest<?> request) {
        return ExecutionFlow.just(application.get());
    }
}
