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
        assertThat(KeySuggestions.closest("duraton", KEYS, "")).containsExactly("duration");
        assertThat(KeySuggestions.closest("LOG", KEYS, "")).containsExactly("log");
        assertThat(KeySuggestions.closest("lgo", KEYS, "")).isEmpty(); // two edits in a three-letter word
        assertThat(KeySuggestions.closest("foo", KEYS, "")).isEmpty();
        assertThat(KeySuggestions.closest("port", KEYS, "")).containsExactly("warmup.port");
        assertThat(KeySuggestions.closest("rounds", KEYS, "")).containsExactly("warmup.rounds");
    }

    @Test
    void anAmbiguousSuffixSuggestsEveryCandidate() {
        assertThat(KeySuggestions.closest("x", List.of("a.x", "b.x"), "")).as("every key it may be")
                .containsExactly("a.x", "b.x");
    }

    @Test
    void ignoresTheGivenPrefix() {
        assertThat(KeySuggestions.closest("WARMGATE_LGO", List.of("WARMGATE_LOG", "WARMGATE_PEER"), "WARMGATE_"))
                .isEmpty();
        assertThat(KeySuggestions.closest("WARMGATE_PER", List.of("WARMGATE_LOG", "WARMGATE_PEER"), "WARMGATE_"))
                .containsExactly("WARMGATE_PEER");
    }
}
