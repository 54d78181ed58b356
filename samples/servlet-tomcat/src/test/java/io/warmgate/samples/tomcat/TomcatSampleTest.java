package io.warmgate.samples.tomcat;

import io.warmgate.samples.common.SampleContractTest;

/** Runs the shared endpoint contract against the embedded Tomcat sample, in this JVM. */
class TomcatSampleTest extends SampleContractTest {

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        TomcatSample sample = TomcatSample.start(0);
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return TomcatSample.CONTEXT_PATH;
    }
}
