package io.warmgate.it.drain;

import io.warmgate.it.jaxrs.JaxRsSample;

/** The drain on SIGTERM with a standalone JAX-RS application: Jersey 3 on Grizzly, no servlet container. */
class DrainJersey3GrizzlyIT extends ServletDrainBehaviour {

    DrainJersey3GrizzlyIT() {
        super(JaxRsSample.JERSEY3_GRIZZLY);
    }
}
