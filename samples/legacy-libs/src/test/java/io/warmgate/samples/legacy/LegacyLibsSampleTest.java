package io.warmgate.samples.legacy;

import io.warmgate.samples.common.SampleContractTest;
import io.warmgate.samples.jetty9.EmbeddedJetty9;

/** Runs the shared endpoint contract against the legacy-libraries sample, in this JVM. */
class LegacyLibsSampleTest extends SampleContractTest {

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        EmbeddedJetty9 sample = LegacyLibsSample.start(0);
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return "";
    }
}
