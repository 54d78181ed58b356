package io.warmgate.testkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's {@code X-Warmgate} response header on a denied health check, e.g.
 * {@code phase=ramping; percent=23.5; bucket=54}.
 */
public record WarmgateHeader(String phase, double percent, int bucket) {

    public static final String NAME = "X-Warmgate";

    private static final Pattern FORM =
            Pattern.compile("phase=([a-z]+); percent=(\\d{1,3}(?:\\.\\d+)?); bucket=(\\d{1,2})");

    /** The parsed header, or empty when the value does not have exactly the documented form. */
    public static Optional<WarmgateHeader> parse(String value) {
        Matcher matcher = FORM.matcher(value == null ? "" : value.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WarmgateHeader(matcher.group(1), Double.parseDouble(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    /** The header of a response, if it carries a well-formed one. */
    public static Optional<WarmgateHeader> of(HttpResult result) {
        return result.header(NAME).flatMap(WarmgateHeader::parse);
    }
}
