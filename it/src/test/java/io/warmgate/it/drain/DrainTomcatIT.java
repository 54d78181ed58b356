package io.warmgate.it.drain;

import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleKind;

/** The drain on SIGTERM with embedded Tomcat (jakarta servlets). */
class DrainTomcatIT extends ServletDrainBehaviour {

    DrainTomcatIT() {
        super(RampTarget.of(SampleKind.TOMCAT));
    }
}
