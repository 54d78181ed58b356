package io.warmgate.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Finds the known key a user probably meant when they wrote an unknown one. */
final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * The known key closest to {@code unknown} by edit distance (ignoring case and a common prefix such as
     * {@code WARMGATE_}), or none when none is close enough to be a plausible typo. Keys that end with
     * ".{@code unknown}" also count, so "timeout" suggests "warmup.timeout" and "fleet.timeout".
     */
    static List<String> closest(String unknown, List<String> known, String prefixToIgnore) {
        String wanted = strip(unknown, prefixToIgnore);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String name = strip(candidate, prefixToIgnore);
            int distance = editDistance(wanted, name);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= allowedDistance(wanted)) {
            return Collections.singletonList(best);
        }
        List<String> suffixMatches = new ArrayList<String>();
        for (String candidate : known) {
            String name = strip(candidate, prefixToIgnore);
            if (!wanted.isEmpty() && (name.endsWith("." + wanted) || name.endsWith("_" + wanted))) {
                suffixMatches.add(candidate);
            }
        }
        return suffixMatches;
    }

    /** Short words tolerate one typo; longer ones a few more. */
    private static int allowedDistance(String word) {
        return word.length() <= 4 ? 1 : Math.max(2, word.length() / 5);
    }

    private static String strip(String name, String prefix) {
        String lower = name.toLowerCase(Locale.ROOT);
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        return !lowerPrefix.isEmpty() && lower.startsWith(lowerPrefix) ? lower.substring(lowerPrefix.length()) : lower;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
