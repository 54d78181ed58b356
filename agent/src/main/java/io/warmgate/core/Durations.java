package io.warmgate.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Parses and prints durations the way users write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1.5}. */
public final class Durations {

    public static final long MILLISECOND = 1000000L;
    public static final long SECOND = 1000L * MILLISECOND;
    public static final long MINUTE = 60L * SECOND;
    public static final long HOUR = 60L * MINUTE;

    /** Units; the two-letter ones come first, so that "500ms" is not read as "500m" followed by "s". */
    private static final String[] UNITS = {"ns", "us", "ms", "s", "m", "h"};
    private static final long[] UNIT_NANOS = {1L, 1000L, MILLISECOND, SECOND, MINUTE, HOUR};

    private Durations() {
    }

    /**
     * Nanoseconds in a duration: a non-negative decimal number followed by {@code ns}, {@code us}, {@code ms},
     * {@code s}, {@code m} or {@code h}, or a plain number of seconds ({@code 1.5}). Case and spaces around the
     * value are ignored. Throws IllegalArgumentException for anything else, including negative values and
     * values beyond about 292 years.
     */
    public static long parseNanos(String s) {
        if (s == null) {
            throw new IllegalArgumentException("no duration given");
        }
        String text = s.trim().toLowerCase(Locale.ROOT);
        long unit = SECOND;
        for (int i = 0; i < UNITS.length; i++) {
            if (text.endsWith(UNITS[i])) {
                unit = UNIT_NANOS[i];
                text = text.substring(0, text.length() - UNITS[i].length()).trim();
                break;
            }
        }
        if (!isPlainDecimal(text)) {
            throw new IllegalArgumentException("not a duration: '" + s + "'");
        }
        try {
            return new BigDecimal(text).multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("duration too large: '" + s + "'");
        }
    }

    /** Digits with at most one decimal point and at least one digit: no sign, exponent, or hex. */
    public static boolean isPlainDecimal(String text) {
        int digits = 0;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /**
     * A short human form: whole hours as {@code 1h}, whole minutes above one minute as {@code 2m} (one minute
     * stays {@code 60s}, as people say it), other values from one second up in seconds with up to three decimals
     * ({@code 1.5s}), and shorter ones in milliseconds ({@code 500ms}, {@code 0.25ms}). The result parses back
     * with {@link #parseNanos} to the same value, up to the printed precision.
     */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos);
        }
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % HOUR == 0) {
            return (nanos / HOUR) + "h";
        }
        if (nanos % MINUTE == 0 && nanos > MINUTE) {
            return (nanos / MINUTE) + "m";
        }
        if (nanos >= SECOND) {
            return decimal(nanos, 9, 3) + "s";
        }
        if (nanos >= 1000L) {
            return decimal(nanos, 6, 3) + "ms";
        }
        return nanos + "ns";
    }

    /**
     * A rough length for people, in at most two units, rounded down: {@code 250ms}, {@code 45s}, {@code 12m5s},
     * {@code 3h12m}, {@code 2d3h}. For ages and lengths in log lines, where {@link #format}'s exactness is noise.
     */
    public static String roughly(long nanos) {
        if (nanos < SECOND) {
            return format(Math.max(0L, nanos));
        }
        long seconds = nanos / SECOND;
        long[] sizes = {24L * 3600L, 3600L, 60L, 1L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length - 1; i++) {
            if (seconds >= sizes[i]) {
                long rest = (seconds % sizes[i]) / sizes[i + 1];
                return seconds / sizes[i] + units[i] + (rest == 0 ? "" : rest + units[i + 1]);
            }
        }
        return seconds + "s";
    }

    /** value / 10^shift with at most {@code decimals} decimals, trailing zeros dropped. */
    private static String decimal(long value, int shift, int decimals) {
        long unit = 1L;
        for (int i = 0; i < shift; i++) {
            unit *= 10L;
        }
        if (value % unit == 0) {
            // Whole units (the defaults: 60s, 5s, 20s) without BigDecimal, which the start line would otherwise
            // load and initialise, with BigInteger, before the application's main.
            return Long.toString(value / unit);
        }
        BigDecimal scaled = BigDecimal.valueOf(value, shift).setScale(decimals, RoundingMode.HALF_UP);
        return scaled.stripTrailingZeros().toPlainString();
    }
}
