package io.warmgate.it.warmup;

import io.warmgate.it.stacks.StackSample;

/** The synthetic warm-up on the Vert.x web sample built on Vert.x 4.5 (see {@link StackWarmupBehaviour}). */
class Vertx4WarmupIT extends StackWarmupBehaviour {

    Vertx4WarmupIT() {
        super(StackSample.VERTX4);
    }
}
