package io.warmgate.samples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SampleServerTest {

    @Test
    void portDefaultsTo8080() {
        assertThat(SampleServer.parsePort(null)).isEqualTo(8080);
        assertThat(SampleServer.parsePort("")).isEqualTo(8080);
    }

    @Test
    void portZeroMeansEphemeral() {
        assertThat(SampleServer.parsePort("0")).isZero();
    }

    @Test
    void acceptsAnExplicitPort() {
        assertThat(SampleServer.parsePort(" 18080 ")).isEqualTo(18080);
    }

    @Test
    void rejectsValuesThatAreNotPorts() {
        assertThatIllegalArgumentException().isThrownBy(() -> SampleServer.parsePort("65536"))
                .withMessageContaining("sample.port=65536").withMessageContaining("0..65535");
        assertThatIllegalArgumentException().isThrownBy(() -> SampleServer.parsePort("-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> SampleServer.parsePort("http"));
    }

    @Test
    void describesAWrappedFailureWithItsRootCause() {
        Exception wrapped = new IllegalStateException("Protocol handler initialization failed",
                new RuntimeException("bind", new java.net.BindException("Address already in use")));

        assertThat(SampleServer.describe(wrapped))
                .isEqualTo("Protocol handler initialization failed (java.net.BindException: Address already in use)");
        assertThat(SampleServer.describe(new IllegalArgumentException("bad port"))).isEqualTo("bad port");
    }
}
