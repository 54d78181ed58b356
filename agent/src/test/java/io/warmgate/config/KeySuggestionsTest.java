package io.warmgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {

    private static final List<String> KEYS = List.of("duration", "aggression", "log", "warmup.timeout", "warmup.port",
            "warmup.rounds", "warmup.duration");

    @Test
    void editDistance() {
        assertThat(KeySuggestions.editDistance("", "")).isZero();
        assertThat(KeySuggestions.editDistance("abc", "")).isEqualTo(3);
        assertThat(KeySuggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestions.editDistance("duraton", "duration")).isEqualTo(1);
    }

    @Test
    void suggestsPlausibleTyposOnly() {
        assertThat(KeySuggestions.closest("duraton", KEYS, "")).isEqualTo("duration");
        assertThat(KeySuggestions.closest("LOG", KEYS, "")).isEqualTo("log");
        assertThat(KeySuggestions.closest("lgo", KEYS, "")).isNull(); // two edits in a three-letter word
        assertThat(KeySuggestions.closest("foo", KEYS, "")).isNull();
        assertThat(KeySuggestions.closest("port", KEYS, "")).isEqualTo("warmup.port");
        assertThat(KeySuggestions.closest("rounds", KEYS, "")).isEqualTo("warmup.rounds");
    }

    @Test
    void anAmbiguousSuffixSuggestsNothing() {
        assertThat(KeySuggestions.closest("x", List.of("a.x", "b.x"), "")).isNull();
    }

    @Test
    void ignoresTheGivenPrefix() {
        assertThat(KeySuggestions.closest("WARMGATE_LGO", List.of("WARMGATE_LOG", "WARMGATE_PEER"), "WARMGATE_"))
                .isNull();
        assertThat(KeySuggestions.closest("WARMGATE_PER", List.of("WARMGATE_LOG", "WARMGATE_PEER"), "WARMGATE_"))
                .isEqualTo("WARMGATE_PEER");
    }
}
