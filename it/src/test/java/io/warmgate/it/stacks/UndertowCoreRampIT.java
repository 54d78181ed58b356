package io.warmgate.it.stacks;

import java.util.List;

/**
 * Undertow core handlers (lambdas on a PathHandler, no servlets), gated at Undertow's root handler call with the
 * peer from the exchange's source address; {@code /ready} is dispatched to a worker thread, so it enters the root
 * twice and must still be decided once. Aggression 2, so the curved ramp is covered on this path too.
 */
class UndertowCoreRampIT extends StackRampBehaviour {

    UndertowCoreRampIT() {
        super(StackSample.UNDERTOW_CORE, 2.0);
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("undertow io.undertow.server.handlers.PathHandler path /health",
                "undertow io.undertow.server.handlers.PathHandler path /ready");
    }
}
