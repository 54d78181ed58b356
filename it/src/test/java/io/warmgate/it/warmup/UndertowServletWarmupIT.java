package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on Undertow's servlet mode (see {@link StackWarmupBehaviour}). */
class UndertowServletWarmupIT extends StackWarmupBehaviour {

    UndertowServletWarmupIT() {
        super(StackSample.UNDERTOW_SERVLET);
    }
}
