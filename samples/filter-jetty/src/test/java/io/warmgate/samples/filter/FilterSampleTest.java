package io.warmgate.samples.filter;

import io.warmgate.samples.common.SampleContractTest;
import io.warmgate.samples.jetty9.EmbeddedJetty9;

/** Runs the shared endpoint contract against the filter sample, in this JVM: the health filters answer it. */
class FilterSampleTest extends SampleContractTest {

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        EmbeddedJetty9 sample = FilterSample.start(0);
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return "";
    }
}
