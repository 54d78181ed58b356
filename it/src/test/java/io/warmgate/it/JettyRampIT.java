package io.warmgate.it;

import io.warmgate.testkit.SampleKind;

/**
 * The ramp against the Jetty sample (root context). Aggression 2 here, so the same checks also cover the
 * curved ramp (percent = 100 * sqrt(t / duration)) and not only the linear default.
 */
class JettyRampIT extends ServletRampBehaviour {

    JettyRampIT() {
        super(SampleKind.JETTY, 2.0);
    }
}
