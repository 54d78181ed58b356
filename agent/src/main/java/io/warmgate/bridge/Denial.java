package io.warmgate.bridge;

/**
 * The gate's "not healthy for you": a 503 with an {@code X-Warmgate} header and a one-line plain-text body.
 * Advice writes it in the framework's own way. Lives on the boot class path, so it holds JDK types only.
 */
public final class Denial {

    /** The HTTP status of every denial. */
    public static final int STATUS = 503;

    private final String headerValue;
    private final String body;

    public Denial(String headerValue, String body) {
        this.headerValue = headerValue;
        this.body = body;
    }

    /** The value of the {@link GateBridge#RESPONSE_HEADER} header, e.g. {@code phase=ramping; percent=23.5}. */
    public String headerValue() {
        return headerValue;
    }

    /** One line of plain text ending in a newline. */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return "Denial[" + headerValue + "]";
    }
}
