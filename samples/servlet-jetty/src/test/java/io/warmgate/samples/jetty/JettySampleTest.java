package io.warmgate.samples.jetty;

import io.warmgate.samples.common.SampleContractTest;
import io.warmgate.samples.jetty9.EmbeddedJetty9;

/** Runs the shared endpoint contract against the embedded Jetty sample, in this JVM. */
class JettySampleTest extends SampleContractTest {

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        EmbeddedJetty9 sample = JettySample.start(0);
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return "";
    }
}
