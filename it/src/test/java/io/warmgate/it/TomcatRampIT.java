package io.warmgate.it;

import io.warmgate.testkit.SampleKind;

/** The ramp against the Tomcat sample (context path {@code /shop}), with the default linear ramp. */
class TomcatRampIT extends ServletRampBehaviour {

    TomcatRampIT() {
        super(SampleKind.TOMCAT, 1.0);
    }
}
