package io.warmgate.config;

/** A configuration value that does not parse or is out of range; the message says what was expected. */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param expected the accepted form, completing the sentence "expected ..." */
    InvalidValueException(String expected) {
        super(expected);
    }

    String expected() {
        return getMessage();
    }
}
