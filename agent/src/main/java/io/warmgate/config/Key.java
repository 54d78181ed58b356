package io.warmgate.config;

import java.util.Locale;

/**
 * One configuration key, declared once with everything about it: its name, default, parser, the accepted form
 * that error messages quote, and the line the configuration reference shows. {@link Keys} holds them all; the
 * reference's key table is generated from them ({@link ConfigReference}), so it cannot drift from the code.
 *
 * @param <T> the parsed value's type
 */
public final class Key<T> {

    static final String PROPERTY_PREFIX = "warmgate.";
    static final String ENV_PREFIX = "WARMGATE_";

    private final String name;
    private final T defaultValue;
    private final String shownDefault;
    private final boolean list;
    private final String expected;
    private final ValueParser<T> parser;
    private final String referenceNote;

    Key(String name, T defaultValue, String shownDefault, boolean list, String expected, ValueParser<T> parser) {
        this(name, defaultValue, shownDefault, list, expected, parser, null);
    }

    private Key(String name, T defaultValue, String shownDefault, boolean list, String expected,
            ValueParser<T> parser, String referenceNote) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.shownDefault = shownDefault;
        this.list = list;
        this.expected = expected;
        this.parser = parser;
        this.referenceNote = referenceNote;
    }

    /** The same key, with a note the configuration reference adds to the accepted form (ranges, rules). */
    Key<T> noted(String note) {
        return new Key<T>(name, defaultValue, shownDefault, list, expected, parser, note);
    }

    /** The accepted form as the configuration reference shows it: with the note, if any. */
    String referenceForm() {
        return referenceNote == null ? expected : expected + "; " + referenceNote;
    }

    /** The name users write, e.g. {@code min-percent}. */
    public String name() {
        return name;
    }

    /** The value when no source sets the key; may be null ("none"). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as the configuration reference shows it, e.g. {@code 60s} or {@code none}. */
    String shownDefault() {
        return shownDefault;
    }

    /** True for list values, whose elements are separated by ';' in every source. */
    boolean isList() {
        return list;
    }

    /** What a valid value looks like, completing "expected ...", in error messages and the reference. */
    String expected() {
        return expected;
    }

    /** Parses a trimmed raw value. */
    T parse(String value) throws InvalidValueException {
        try {
            return parser.parse(value);
        } catch (ValueParser.Rejected rejected) {
            String detail = rejected.getMessage();
            throw new InvalidValueException(detail == null ? expected : expected + " (" + detail + ")");
        }
    }

    /**
     * Parses a value given outside the agent's configuration (the {@code plan} command's options) exactly as
     * the agent would.
     *
     * @throws IllegalArgumentException whose message is the accepted form, with a detail when there is one
     */
    public T parseValue(String value) {
        try {
            return parse(value.trim());
        } catch (InvalidValueException invalid) {
            throw new IllegalArgumentException(invalid.expected());
        }
    }

    /** {@code WARMGATE_} + the key in upper case with '.' and '-' turned into '_'. */
    String envName() {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    String propertyName() {
        return PROPERTY_PREFIX + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
