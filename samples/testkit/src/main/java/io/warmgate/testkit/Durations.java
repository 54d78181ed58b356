package io.warmgate.testkit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way the agent accepts them: {@code 500ms}, {@code 30s}, {@code 2m}, or plain seconds. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not a duration: '" + text + "' (expected e.g. 500ms, 20s, 2m or a number of seconds)");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            default -> amount * 1_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** Seconds with one decimal, e.g. {@code 4.5s}. */
    public static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toNanos() / 1e9);
    }
}
