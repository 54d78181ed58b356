package io.warmgate.samples.undertow;

import io.warmgate.samples.common.SampleContractTest;

/** Runs the shared endpoint contract against the Undertow sample's core handlers, in this JVM. */
class UndertowCoreSampleTest extends SampleContractTest {

    @Override
    protected RunningSample startOnEphemeralPort() throws Exception {
        UndertowSample sample = UndertowSample.start(0, UndertowSample.Mode.CORE);
        return new RunningSample(sample.port(), sample::stop);
    }

    @Override
    protected String contextPath() {
        return "";
    }
}
