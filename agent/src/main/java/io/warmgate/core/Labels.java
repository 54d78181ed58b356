package io.warmgate.core;

import java.util.Locale;

/**
 * How the agent writes an enum constant for people: lower case, words joined by '-' ({@code DRAINING_FOR_SHUTDOWN}
 * is {@code draining-for-shutdown}). The same form in the log, the X-Warmgate header, the MBean and the
 * configuration keys' values, so what users read is what they can write.
 */
public final class Labels {

    private Labels() {
    }

    /** Meant for an enum's own field initializer, so the label is built once per constant. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
