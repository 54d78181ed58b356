package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmgateHeaderTest {

    @Test
    void parsesTheDocumentedForm() {
        assertThat(WarmgateHeader.parse("phase=ramping; percent=23.5; bucket=54"))
                .contains(new WarmgateHeader("ramping", 23.5, 54));
        assertThat(WarmgateHeader.parse("phase=warming; percent=0; bucket=7"))
                .contains(new WarmgateHeader("warming", 0.0, 7));
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(WarmgateHeader.parse(null)).isEmpty();
        assertThat(WarmgateHeader.parse("")).isEmpty();
        assertThat(WarmgateHeader.parse("phase=ramping; bucket=54; percent=23.5")).isEmpty();
        assertThat(WarmgateHeader.parse("phase=ramping; percent=23.5; bucket=100")).isEmpty();
        assertThat(WarmgateHeader.parse("phase=ramping;percent=23.5;bucket=54")).isEmpty();
        assertThat(WarmgateHeader.parse("phase=ramping; percent=-1; bucket=5")).isEmpty();
    }
}
