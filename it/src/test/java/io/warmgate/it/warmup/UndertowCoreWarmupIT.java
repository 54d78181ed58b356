package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on the UNDERTOW_CORE sample (see {@link StackWarmupBehaviour}). */
class UndertowCoreWarmupIT extends StackWarmupBehaviour {

    UndertowCoreWarmupIT() {
        super(StackSample.UNDERTOW_CORE);
    }
}
