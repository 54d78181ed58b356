package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarmupTokenTest {

    @Test
    void tokensAre128RandomBitsInHex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String value = WarmupToken.random().value();
            assertThat(value).matches("[0-9a-f]{32}");
            seen.add(value);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void onlyTheExactValueMatches() {
        WarmupToken token = WarmupToken.random();
        String value = token.value();
        assertThat(token.matches(value)).isTrue();
        assertThat(token.matches(new String(value.toCharArray()))).isTrue();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(value.toUpperCase())).isEqualTo(value.equals(value.toUpperCase()));
        assertThat(token.matches(value + "0")).isFalse();
        assertThat(token.matches(value.substring(1))).isFalse();
        char last = value.charAt(31);
        assertThat(token.matches(value.substring(0, 31) + (last == '0' ? '1' : '0'))).isFalse();
        assertThat(token.toString()).doesNotContain(value);
    }
}
