package io.warmgate.core.warmup;

import java.util.Collections;
import java.util.Locale;

/**
 * The grammar of warm-up request lines ({@code [METHOD] /path[?query]}) and header lines ({@code Name: value}),
 * shared by the configuration ({@code warmup.requests}, {@code warmup.headers}) and the request file.
 *
 * <p>Strict on purpose: whatever passes is written to the socket as it is, so anything that could split or
 * corrupt the HTTP message (control characters, white space in a target, non-ASCII) is refused up front with
 * a message that says what to write instead.
 */
public final class RequestSyntax {

    /** The header that marks every warm-up request; same name as {@code GateBridge.WARMUP_HEADER}. */
    public static final String MARKER_HEADER = "X-Warmgate-Warmup";

    /** Longer targets are refused: most servers reject request lines beyond 8 KiB anyway. */
    static final int MAX_TARGET_LENGTH = 8000;

    /** Headers the client itself writes; a user-supplied copy would make the message ambiguous. */
    private static final String[] RESERVED_HEADERS = {
        "Connection", "Content-Length", "Transfer-Encoding", MARKER_HEADER
    };

    private RequestSyntax() {
    }

    /**
     * Parses {@code [METHOD] /path[?query]}. The method defaults to GET and is upper-cased (so {@code get} is GET).
     *
     * @throws IllegalArgumentException with a one-line reason that quotes the line
     */
    public static WarmupRequest parseRequestLine(String line) {
        String trimmed = line.trim();
        String[] parts = trimmed.split("\\s+");
        boolean shaped = parts.length == 1 ? parts[0].startsWith("/")
                : parts.length == 2 && isToken(parts[0]) && parts[1].startsWith("/");
        if (!shaped) {
            throw new IllegalArgumentException("'" + trimmed + "' is not of the form [METHOD] /path");
        }
        String method = parts.length == 1 ? "GET" : parts[0].toUpperCase(Locale.ROOT);
        String target = parts[parts.length - 1];
        if (target.length() > MAX_TARGET_LENGTH) {
            throw new IllegalArgumentException("'" + abbreviate(target) + "' is longer than " + MAX_TARGET_LENGTH
                    + " characters");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("'" + trimmed + "' contains a character that is not printable "
                        + "ASCII; percent-encode it as the URL standard says (a UTF-8 e-acute is %C3%A9)");
            }
            if (c == '#') {
                throw new IllegalArgumentException("'" + trimmed + "' contains '#'; a fragment is never sent to a "
                        + "server, percent-encode it as %23 if it belongs to the path or query");
            }
        }
        return new WarmupRequest(method, target, Collections.<HeaderField>emptyList(), null);
    }

    /**
     * Parses {@code Name: value}. White space around the value is dropped.
     *
     * @throws IllegalArgumentException with a one-line reason that quotes the header name (never the value,
     *                                  which may be a credential)
     */
    public static HeaderField parseHeader(String line) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon).trim();
        if (colon <= 0 || !isToken(name)) {
            throw new IllegalArgumentException("'" + abbreviate(line.trim()) + "' is not of the form Name: value");
        }
        for (String reserved : RESERVED_HEADERS) {
            if (name.equalsIgnoreCase(reserved)) {
                throw new IllegalArgumentException("header " + name + " is set by warmgate itself and cannot be "
                        + "configured");
            }
        }
        String value = line.substring(colon + 1).trim();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                throw new IllegalArgumentException("the value of header " + name + " contains a control or "
                        + "non-ASCII character");
            }
        }
        return new HeaderField(name, value);
    }

    /** GET and HEAD: the methods that must not change anything on the server, and the only ones sent by default. */
    public static boolean isSafeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The methods whose request body has a defined meaning; only these may carry a body from the request file. */
    static boolean allowsBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    /** An HTTP token (RFC 9110 section 5.6.2): the characters a method or header name may contain. */
    public static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
