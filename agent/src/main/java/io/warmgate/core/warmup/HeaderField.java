package io.warmgate.core.warmup;

/** One request header of a warm-up request, already checked by {@link RequestSyntax#parseHeader}. Immutable. */
public final class HeaderField {

    private final String name;
    private final String value;

    HeaderField(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Header names are case-insensitive (RFC 9110). */
    boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
