package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on Jetty 9 with health filters (see {@link StackWarmupBehaviour}). */
class FilterJettyWarmupIT extends StackWarmupBehaviour {

    FilterJettyWarmupIT() {
        super(StackSample.FILTER_JETTY);
    }
}
