package io.warmgate.it.stacks;

/**
 * The Vert.x web ramp (see {@link VertxRampBehaviour}) on the same sample built on Vert.x 4.5: the same router class
 * and entry method woven with the same advice, and Vert.x 4's health-check handler (from vertx-health-check) on
 * {@code /ready} and {@code /sick/ready}.
 */
class Vertx4RampIT extends VertxRampBehaviour {

    Vertx4RampIT() {
        super(StackSample.VERTX4);
    }
}
