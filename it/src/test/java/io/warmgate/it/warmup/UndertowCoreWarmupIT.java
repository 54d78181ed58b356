package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on Undertow core handlers (see {@link StackWarmupBehaviour}). */
class UndertowCoreWarmupIT extends StackWarmupBehaviour {

    UndertowCoreWarmupIT() {
        super(StackSample.UNDERTOW_CORE);
    }
}
