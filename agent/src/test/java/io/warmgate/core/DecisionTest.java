package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void headerValueNamesPhasePercentAndBucket() {
        Decision denied = new Decision(false, Phase.RAMPING, 23.5, 54, 12345);
        assertThat(denied.headerValue()).isEqualTo("phase=ramping; percent=23.5; bucket=54");
        assertThat(Decision.OPEN.headerValue()).isEqualTo("phase=open; percent=100.0");
        assertThat(new Decision(false, Phase.WARMING, 0.0, 7, 1).headerValue())
                .isEqualTo("phase=warming; percent=0.0; bucket=7");
    }

    @Test
    void denialBodyIsOneLine() {
        Decision denied = new Decision(false, Phase.RAMPING, 23.5, 54, 12345);
        assertThat(denied.denialBody()).isEqualTo("warmgate: this instance is ramping up; not yet healthy for this "
                + "load balancer node (bucket 54, ramp at 23.5%)\n");
        assertThat(new Decision(false, Phase.WARMING, 0.0, 7, 1).denialBody())
                .startsWith("warmgate: this instance is warming up;").endsWith(")\n").containsOnlyOnce("\n");
        assertThat(new Decision(true, Phase.RAMPING, 60.0, 54, 1).denialBody()).isEmpty();
    }

    @Test
    void percentIsShownRoundedDownSoADeniedPeerNeverSeesItsOwnBucket() {
        assertThat(Decision.formatPercent(53.96)).isEqualTo("53.9");
        assertThat(Decision.formatPercent(54.0)).isEqualTo("54.0");
        assertThat(Decision.formatPercent(0.0)).isEqualTo("0.0");
        assertThat(Decision.formatPercent(100.0)).isEqualTo("100.0");
        assertThat(Decision.formatPercent(23.499999999999996)).isEqualTo("23.5"); // floating-point noise
        assertThat(Decision.formatPercent(7.25)).isEqualTo("7.2");
    }
}
