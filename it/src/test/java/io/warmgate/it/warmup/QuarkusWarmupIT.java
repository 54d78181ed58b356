package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/**
 * The synthetic warm-up on Quarkus (see {@link StackWarmupBehaviour}): the warm-up's requests reach the blocking
 * business route through Quarkus's Vert.x router, the one the health check came through.
 */
class QuarkusWarmupIT extends StackWarmupBehaviour {

    QuarkusWarmupIT() {
        super(StackSample.QUARKUS);
    }
}
