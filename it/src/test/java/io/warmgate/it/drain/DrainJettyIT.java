package io.warmgate.it.drain;

import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleKind;

/** The drain on SIGTERM with embedded Jetty (javax servlets). */
class DrainJettyIT extends ServletDrainBehaviour {

    DrainJettyIT() {
        super(RampTarget.of(SampleKind.JETTY));
    }
}
