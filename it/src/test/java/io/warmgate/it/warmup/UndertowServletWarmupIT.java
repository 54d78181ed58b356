package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on the UNDERTOW_SERVLET sample (see {@link StackWarmupBehaviour}). */
class UndertowServletWarmupIT extends StackWarmupBehaviour {

    UndertowServletWarmupIT() {
        super(StackSample.UNDERTOW_SERVLET);
    }
}
