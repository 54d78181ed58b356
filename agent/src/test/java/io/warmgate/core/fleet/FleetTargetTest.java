package io.warmgate.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FleetTargetTest {

    @Test
    void parsesHostPortAndUrls() {
        FleetTarget plain = FleetTarget.parse(" 10.0.0.5:8080 ");
        assertThat(plain.host()).isEqualTo("10.0.0.5");
        assertThat(plain.port()).isEqualTo(8080);
        assertThat(plain.path()).isNull();
        assertThat(plain).hasToString("10.0.0.5:8080");

        FleetTarget url = FleetTarget.parse("http://svc-b.internal:9000/manage/health");
        assertThat(url.host()).isEqualTo("svc-b.internal");
        assertThat(url.port()).isEqualTo(9000);
        assertThat(url.path()).isEqualTo("/manage/health");

        FleetTarget v6 = FleetTarget.parse("[2001:db8::5]:8080");
        assertThat(v6.host()).isEqualTo("2001:db8::5");
        assertThat(v6).hasToString("[2001:db8::5]:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nohost", "host:", ":8080", "host:0", "host:65536", "host:80x", "2001:db8::5:8080",
        "https://host:443/health", "host:8080/health", "ho st:80"})
    void rejectsWhatCannotBeASibling(String bad) {
        assertThatThrownBy(() -> FleetTarget.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad.trim() + "'");
    }
}
