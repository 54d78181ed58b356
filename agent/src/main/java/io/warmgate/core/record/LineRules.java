package io.warmgate.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What of a business request the recording may keep: the method (GET or HEAD), the path without path parameters,
 * and the query string without credential-like parameters, as one {@code warmup.file} request line. Header values
 * are never seen here at all.
 *
 * <p>A parameter is dropped, not the whole line: the endpoint is what the warm-up should reach, and requests
 * that differ only by a user's token then count as one line. The warm-up can send a credential of its own with
 * {@code warmup.headers}.
 */
public final class LineRules {

    /**
     * Parameter names that contain one of these (ignoring case, after percent-decoding) are never recorded. Wide
     * on purpose: dropping a harmless {@code keyword} costs a little realism, keeping an {@code api_key} leaks it.
     */
    public static final List<String> SECRET_WORDS = Collections.unmodifiableList(Arrays.asList(
            "token", "key", "secret", "passw", "pwd", "auth", "sess", "sig", "credential", "jwt", "otp", "code",
            "ticket", "nonce", "saml", "cert"));

    /**
     * Longer lines are not recorded: a real endpoint's line is short, a longer one is an odd client, and the
     * bound keeps the memory of the recording small whatever the traffic.
     */
    public static final int MAX_LINE_LENGTH = 1024;

    private final boolean dropQuery;
    private final String[] secretWords;

    /**
     * @param dropQuery  {@code warmup.record.drop-query}: record paths only
     * @param extraWords {@code warmup.record.secret-params}: more words, added to {@link #SECRET_WORDS}
     */
    public LineRules(boolean dropQuery, List<String> extraWords) {
        this.dropQuery = dropQuery;
        List<String> words = new ArrayList<String>(SECRET_WORDS);
        for (String word : extraWords) {
            words.add(word.toLowerCase(Locale.ROOT));
        }
        this.secretWords = words.toArray(new String[0]);
    }

    /** The recorded methods: the ones the warm-up sends without {@code warmup.unsafe-methods}. */
    static boolean isRecordedMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * The request line to record, such as {@code GET /api/items?id=1}, or null when this request is not recorded
     * (another method, a path that is not printable ASCII or longer than {@link #MAX_LINE_LENGTH}, a '#').
     */
    public String lineOf(String method, String path, String query) {
        if (!isRecordedMethod(method) || path == null || path.isEmpty() || path.charAt(0) != '/'
                || path.length() > MAX_LINE_LENGTH) {
            return null;
        }
        int queryLength = dropQuery || query == null ? 0 : query.length() + 1;
        StringBuilder line = new StringBuilder(method.length() + 1 + path.length() + queryLength);
        line.append(method).append(' ');
        if (!appendPath(line, path)) {
            return null;
        }
        if (queryLength > 0 && !appendQuery(line, query)) {
            return null;
        }
        return line.length() - method.length() - 1 > MAX_LINE_LENGTH ? null : line.toString();
    }

    /**
     * Path parameters ({@code /cart;jsessionid=...}) are left out: they are mostly session ids, and never needed
     * to reach an endpoint.
     */
    private static boolean appendPath(StringBuilder line, String path) {
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!isTargetChar(c)) {
                return false;
            }
            if (c == ';' || c == '/') {
                inParameters = c == ';';
            }
            if (!inParameters) {
                line.append(c);
            }
        }
        return true;
    }

    private boolean appendQuery(StringBuilder line, String query) {
        int mark = line.length();
        boolean first = true;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                if (!printableTarget(query, start, end)) {
                    return false;
                }
                if (!isSecret(query, start, end)) {
                    line.append(first ? '?' : '&').append(query, start, end);
                    first = false;
                }
            }
            start = end + 1;
        }
        if (line.length() == mark + 1) {
            line.setLength(mark); // "?" alone: nothing was kept
        }
        return true;
    }

    /**
     * A parameter whose name contains a secret word, or whose value looks like a JSON Web Token (base64 of
     * {@code {"}) whatever its name.
     */
    private boolean isSecret(String query, int start, int end) {
        int equals = query.indexOf('=', start);
        int nameEnd = equals < 0 || equals > end ? end : equals;
        if (nameEnd < end && query.startsWith("eyJ", nameEnd + 1)) {
            return true;
        }
        String name = decodedLowerCase(query, start, nameEnd);
        for (String word : secretWords) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decoded ASCII and '+' as space, lower case: {@code %54oken} is a token too. */
    private static String decodedLowerCase(String text, int start, int end) {
        StringBuilder name = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int high = i + 2 < end ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = i + 2 < end ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (c == '%' && high >= 0 && low >= 0) {
                c = (char) (high * 16 + low);
                i += 2;
            } else if (c == '+') {
                c = ' ';
            }
            name.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return name.toString();
    }

    private static boolean printableTarget(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isTargetChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The characters a {@code warmup.file} target may hold: printable ASCII without '#' (see RequestSyntax). */
    private static boolean isTargetChar(char c) {
        return c > 0x20 && c < 0x7f && c != '#';
    }
}
