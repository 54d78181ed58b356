package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/**
 * The synthetic warm-up on Vert.x web (see {@link StackWarmupBehaviour}): the warm-up's requests reach the blocking
 * business route through the router the health check came through.
 */
class VertxWarmupIT extends StackWarmupBehaviour {

    VertxWarmupIT() {
        super(StackSample.VERTX);
    }
}
