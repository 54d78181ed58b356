package io.warmgate.it.stacks;

/** The Vert.x web ramp (see {@link VertxRampBehaviour}) on Vert.x 5. */
class VertxRampIT extends VertxRampBehaviour {

    VertxRampIT() {
        super(StackSample.VERTX);
    }
}
