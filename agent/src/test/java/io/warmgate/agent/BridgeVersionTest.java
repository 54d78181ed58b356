package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.bridge.GateBridge;
import org.junit.jupiter.api.Test;

class BridgeVersionTest {

    /** The injector compares the version of a bridge it finds with its own; the two constants must agree. */
    @Test
    void theInjectorKnowsTheBridgesVersion() {
        assertThat(BootstrapBridgeInjector.BRIDGE_VERSION).isEqualTo(GateBridge.VERSION);
    }
}
