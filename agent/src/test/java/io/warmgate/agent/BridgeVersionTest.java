package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warmgate.bridge.GateBridge;
import org.junit.jupiter.api.Test;

class BridgeVersionTest {

    /** A bridge from another warmgate build, as the injector would find it in the boot loader. */
    public static final class OtherBuildsBridge {
        public static final int VERSION = 7;
    }

    /** The first bridges had no version at all. */
    public static final class FirstBridge {
    }

    /** The injector compares the version of a bridge it finds with its own; the two constants must agree. */
    @Test
    void theInjectorKnowsTheBridgesVersion() {
        assertThat(BootstrapBridgeInjector.BRIDGE_VERSION).isEqualTo(GateBridge.VERSION);
    }

    @Test
    void aBridgeOfThisVersionIsReused() {
        assertThatCode(() -> BootstrapBridgeInjector.requireSameVersion(GateBridge.class)).doesNotThrowAnyException();
    }

    @Test
    void aBridgeOfAnotherVersionIsRefusedWithOneClearSentence() {
        assertThatThrownBy(() -> BootstrapBridgeInjector.requireSameVersion(OtherBuildsBridge.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("another warmgate build is already active in this JVM (its bridge has version 7, this "
                        + "agent's has " + GateBridge.VERSION + "); use one -javaagent only");
        assertThatThrownBy(() -> BootstrapBridgeInjector.requireSameVersion(FirstBridge.class))
                .hasMessageContaining("its bridge has version 1");
    }
}
