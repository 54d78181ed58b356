package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.Durations;
import io.warmgate.core.fleet.FleetTarget;
import io.warmgate.core.warmup.RequestSyntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The parsers that {@link Keys} declares its keys with. Each knows one kind of value; ranges are arguments. */
final class ValueParsers {

    private ValueParsers() {
    }

    static ValueParser<Boolean> bool() {
        return new ValueParser<Boolean>() {
            @Override
            public Boolean parse(String value) throws Rejected {
                if (value.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (value.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw new Rejected(null);
            }
        };
    }

    /** One of a few words, in any case; {@code words[i]} gives {@code values[i]}. */
    static <T> ValueParser<T> oneOf(final String[] words, final T[] values) {
        return new ValueParser<T>() {
            @Override
            public T parse(String value) throws Rejected {
                for (int i = 0; i < words.length; i++) {
                    if (words[i].equalsIgnoreCase(value)) {
                        return values[i];
                    }
                }
                throw new Rejected(null);
            }
        };
    }

    static ValueParser<AgentLog.Level> logLevel() {
        return oneOf(new String[] {"info", "debug", "off"},
                new AgentLog.Level[] {AgentLog.Level.INFO, AgentLog.Level.DEBUG, AgentLog.Level.OFF});
    }

    /** A duration from {@code min} to {@code max} nanoseconds; {@code rangeDetail} is added when out of range. */
    static ValueParser<Long> duration(final long min, final long max, final String rangeDetail) {
        return new ValueParser<Long>() {
            @Override
            public Long parse(String value) throws Rejected {
                long nanos;
                try {
                    nanos = Durations.parseNanos(value);
                } catch (IllegalArgumentException notADuration) {
                    throw new Rejected(null);
                }
                if (nanos < min || nanos > max) {
                    throw new Rejected(rangeDetail);
                }
                return nanos;
            }
        };
    }

    /** {@code auto}, in any case, for 0; otherwise a duration as {@link #duration} parses it. */
    static ValueParser<Long> durationOrAuto(final long min, final long max, final String rangeDetail) {
        final ValueParser<Long> duration = duration(min, max, rangeDetail);
        return new ValueParser<Long>() {
            @Override
            public Long parse(String value) throws Rejected {
                return value.equalsIgnoreCase("auto") ? Long.valueOf(0L) : duration.parse(value);
            }
        };
    }

    /** A plain decimal (no sign, exponent, NaN or Infinity) within (exclusive) {@code above} .. {@code atMost}. */
    static ValueParser<Double> number(final double atLeast, final boolean inclusiveLow, final double atMost,
            final boolean percentSign) {
        return new ValueParser<Double>() {
            @Override
            public Double parse(String value) throws Rejected {
                String number = value;
                if (percentSign && number.endsWith("%")) {
                    number = number.substring(0, number.length() - 1).trim();
                }
                if (!Durations.isPlainDecimal(number)) {
                    throw new Rejected(null);
                }
                double parsed = Double.parseDouble(number);
                boolean aboveLow = inclusiveLow ? parsed >= atLeast : parsed > atLeast;
                if (!aboveLow || parsed > atMost) {
                    throw new Rejected(null);
                }
                return parsed;
            }
        };
    }

    static ValueParser<Integer> wholeNumber(final int min, final int max) {
        return new ValueParser<Integer>() {
            @Override
            public Integer parse(String value) throws Rejected {
                if (value.isEmpty() || value.length() > 10 || !isDigits(value)) {
                    throw new Rejected(null);
                }
                long number = Long.parseLong(value);
                if (number < min || number > max) {
                    throw new Rejected(null);
                }
                return (int) number;
            }
        };
    }

    static ValueParser<String> nonEmpty() {
        return new ValueParser<String>() {
            @Override
            public String parse(String value) throws Rejected {
                if (value.isEmpty()) {
                    throw new Rejected(null);
                }
                return value;
            }
        };
    }

    /** "remote" gives null (use the socket address); "header:Name" gives the header name. */
    static ValueParser<String> peer() {
        return new ValueParser<String>() {
            @Override
            public String parse(String value) throws Rejected {
                if (value.equalsIgnoreCase("remote")) {
                    return null;
                }
                String prefix = "header:";
                if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    String name = value.substring(prefix.length()).trim();
                    if (RequestSyntax.isToken(name)) {
                        return name;
                    }
                    throw new Rejected("'" + name + "' is not a valid header name");
                }
                throw new Rejected(null);
            }
        };
    }

    /**
     * Literal paths: a '*' would never match anything, and a query string is not part of the path the gate
     * sees, so both are rejected rather than silently never matching.
     */
    static ValueParser<List<String>> paths() {
        return new ValueParser<List<String>>() {
            @Override
            public List<String> parse(String value) throws Rejected {
                List<String> paths = splitList(value);
                for (String path : paths) {
                    if (!path.startsWith("/")) {
                        throw new Rejected("'" + path + "' does not start with '/'");
                    }
                    if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0) {
                        throw new Rejected("'" + path + "' is not a literal path; wildcards and query strings do "
                                + "not work");
                    }
                    if (containsWhitespace(path)) {
                        throw new Rejected("'" + path + "' contains white space");
                    }
                }
                return Collections.unmodifiableList(paths);
            }
        };
    }

    /**
     * "[METHOD ]/path[?query]" each, written to the socket as it is, so the whole line is checked here (see
     * {@link RequestSyntax}). Whether a method may be sent depends on warmup.unsafe-methods ({@link ConfigChecks}).
     */
    static ValueParser<List<String>> requestLines() {
        return new CheckedEntries() {
            @Override
            void check(String request) {
                RequestSyntax.parseRequestLine(request);
            }
        };
    }

    /** "Name: value" each; names the client sets itself, control characters and non-ASCII are refused. */
    static ValueParser<List<String>> headers() {
        return new CheckedEntries() {
            @Override
            void check(String header) {
                RequestSyntax.parseHeader(header);
            }
        };
    }

    /**
     * A ';' list whose entries are each checked by a rule of {@link RequestSyntax}; the rule's own message says
     * what is wrong with the first bad entry.
     */
    private abstract static class CheckedEntries implements ValueParser<List<String>> {

        @Override
        public final List<String> parse(String value) throws Rejected {
            List<String> entries = splitList(value);
            for (String entry : entries) {
                try {
                    check(entry);
                } catch (IllegalArgumentException bad) {
                    throw new Rejected(bad.getMessage());
                }
            }
            return Collections.unmodifiableList(entries);
        }

        /** @throws IllegalArgumentException with the reason, when the entry is not accepted */
        abstract void check(String entry);
    }

    /** Words of letters, digits, '-', '_' and '.', separated by ';'; at least one. Lower-cased. */
    static ValueParser<List<String>> words() {
        return new ValueParser<List<String>>() {
            @Override
            public List<String> parse(String value) throws Rejected {
                List<String> words = new ArrayList<String>();
                for (String word : splitList(value)) {
                    for (int i = 0; i < word.length(); i++) {
                        char c = word.charAt(i);
                        if (!Character.isLetterOrDigit(c) || c >= 0x7f) {
                            if ("-_.".indexOf(c) < 0) {
                                throw new Rejected("'" + word + "' is not a word");
                            }
                        }
                    }
                    words.add(word.toLowerCase(java.util.Locale.ROOT));
                }
                if (words.isEmpty()) {
                    throw new Rejected(null);
                }
                return Collections.unmodifiableList(words);
            }
        };
    }

    static ValueParser<List<FleetTarget>> fleetPeers() {
        return new ValueParser<List<FleetTarget>>() {
            @Override
            public List<FleetTarget> parse(String value) throws Rejected {
                List<FleetTarget> targets = new ArrayList<FleetTarget>();
                for (String entry : splitList(value)) {
                    try {
                        targets.add(FleetTarget.parse(entry));
                    } catch (IllegalArgumentException bad) {
                        throw new Rejected(bad.getMessage());
                    }
                }
                if (targets.isEmpty()) {
                    throw new Rejected(null);
                }
                return Collections.unmodifiableList(targets);
            }
        };
    }

    /** {@code name:port}: a DNS name (no scheme, no path, no IPv6 literal) and a port. */
    static ValueParser<FleetTarget> dnsName() {
        return new ValueParser<FleetTarget>() {
            @Override
            public FleetTarget parse(String value) throws Rejected {
                int colon = value.lastIndexOf(':');
                String name = colon <= 0 ? "" : value.substring(0, colon);
                if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('/') >= 0 || !printable(name)) {
                    throw new Rejected(null);
                }
                try {
                    return new FleetTarget(name, FleetTarget.parsePort(value.substring(colon + 1), value), null);
                } catch (IllegalArgumentException bad) {
                    throw new Rejected(bad.getMessage());
                }
            }
        };
    }

    /** Splits a list value on ';', trimming elements and dropping empty ones (so "a;;b;" is [a, b]). */
    static List<String> splitList(String value) {
        List<String> elements = new ArrayList<String>();
        for (String element : value.split(";")) {
            String trimmed = element.trim();
            if (!trimmed.isEmpty()) {
                elements.add(trimmed);
            }
        }
        return elements;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean containsWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) <= ' ' || text.charAt(i) >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
