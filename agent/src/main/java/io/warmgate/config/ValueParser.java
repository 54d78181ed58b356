package io.warmgate.config;

/**
 * Turns one trimmed raw value into a key's typed value.
 *
 * @param <T> the parsed type
 */
interface ValueParser<T> {

    /** @throws Rejected when the value is not valid; its message, if any, adds a detail to the accepted form */
    T parse(String value) throws Rejected;

    /** A value that does not parse or is out of range. */
    final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;

        /** @param detail what exactly is wrong, shown after the accepted form; null for nothing more */
        Rejected(String detail) {
            super(detail);
        }
    }
}
