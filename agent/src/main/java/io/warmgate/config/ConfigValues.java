package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.RampGate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses and checks one raw configuration value and stores it in the builder. */
final class ConfigValues {

    private static final String DURATION_RANGE = "more than 0 and at most 24h";

    private ConfigValues() {
    }

    static void apply(ConfigKey key, String raw, WarmgateConfig.Builder config) throws InvalidValueException {
        String value = raw.trim();
        switch (key) {
            case ENABLED:
                config.enabled = parseBoolean(key, value);
                break;
            case DURATION:
                config.durationNanos = parseDuration(key, value);
                break;
            case AGGRESSION:
                config.aggression = parseNumber(key, value, false);
                if (!(config.aggression > 0 && config.aggression <= 100)) {
                    throw invalid(key, null);
                }
                break;
            case MIN_PERCENT:
                config.minPercent = parseNumber(key, value, true);
                if (config.minPercent > 100) {
                    throw invalid(key, null);
                }
                break;
            case START:
                config.start = parseStart(key, value);
                break;
            case PATHS:
                config.paths = parsePaths(key, value);
                break;
            case EXCLUDE_PATHS:
                config.excludePaths = parsePaths(key, value);
                break;
            case DETECT:
                config.detect = parseBoolean(key, value);
                break;
            case PEER:
                config.peerHeader = parsePeer(key, value);
                break;
            case LOG:
                config.logLevel = parseLogLevel(key, value);
                break;
            case WARMUP_REQUESTS:
                config.warmupRequests = parseRequests(key, value);
                break;
            case WARMUP_FILE:
                if (value.isEmpty()) {
                    throw invalid(key, null);
                }
                config.warmupFile = value;
                break;
            case WARMUP_CONCURRENCY:
                config.warmupConcurrency = parseInt(key, value, 1, Integer.MAX_VALUE);
                break;
            case WARMUP_ROUNDS:
                config.warmupRounds = parseInt(key, value, 1, Integer.MAX_VALUE);
                break;
            case WARMUP_DURATION:
                config.warmupDurationNanos = parseDuration(key, value);
                break;
            case WARMUP_TIMEOUT:
                config.warmupTimeoutNanos = parseDuration(key, value);
                break;
            case WARMUP_PORT:
                config.warmupPort = parseInt(key, value, 1, 65535);
                break;
            case WARMUP_HEADERS:
                config.warmupHeaders = parseHeaders(key, value);
                break;
            case WARMUP_UNSAFE_METHODS:
                config.warmupUnsafeMethods = parseBoolean(key, value);
                break;
            default:
                throw new IllegalStateException("no parser for " + key);
        }
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

    private static boolean parseBoolean(ConfigKey key, String value) throws InvalidValueException {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, null);
    }

    private static long parseDuration(ConfigKey key, String value) throws InvalidValueException {
        long nanos;
        try {
            nanos = Durations.parseNanos(value);
        } catch (IllegalArgumentException notADuration) {
            throw invalid(key, null);
        }
        if (nanos <= 0 || nanos > WarmgateConfig.MAX_DURATION_NANOS) {
            throw invalid(key, DURATION_RANGE);
        }
        return nanos;
    }

    /** A plain decimal number (no sign, exponent, NaN or Infinity), optionally with a '%' when allowed. */
    private static double parseNumber(ConfigKey key, String value, boolean percentSign) throws InvalidValueException {
        String number = value;
        if (percentSign && number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).trim();
        }
        if (!Durations.isPlainDecimal(number)) {
            throw invalid(key, null);
        }
        return Double.parseDouble(number);
    }

    private static int parseInt(ConfigKey key, String value, int min, int max) throws InvalidValueException {
        if (value.isEmpty() || value.length() > 10 || !isDigits(value)) {
            throw invalid(key, null);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw invalid(key, null);
        }
        return (int) number;
    }

    private static RampGate.StartMode parseStart(ConfigKey key, String value) throws InvalidValueException {
        if (value.equalsIgnoreCase("first-check")) {
            return RampGate.StartMode.FIRST_CHECK;
        }
        if (value.equalsIgnoreCase("immediate")) {
            return RampGate.StartMode.IMMEDIATE;
        }
        throw invalid(key, null);
    }

    private static AgentLog.Level parseLogLevel(ConfigKey key, String value) throws InvalidValueException {
        String level = value.toLowerCase(Locale.ROOT);
        if (level.equals("info")) {
            return AgentLog.Level.INFO;
        }
        if (level.equals("debug")) {
            return AgentLog.Level.DEBUG;
        }
        if (level.equals("off")) {
            return AgentLog.Level.OFF;
        }
        throw invalid(key, null);
    }

    /** "remote" gives null (use the socket address); "header:Name" gives the header name. */
    private static String parsePeer(ConfigKey key, String value) throws InvalidValueException {
        if (value.equalsIgnoreCase("remote")) {
            return null;
        }
        String prefix = "header:";
        if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            String name = value.substring(prefix.length()).trim();
            if (isToken(name)) {
                return name;
            }
            throw invalid(key, "'" + name + "' is not a valid header name");
        }
        throw invalid(key, null);
    }

    /**
     * Literal paths: a '*' would never match anything, and a query string is not part of the path the gate
     * sees, so both are rejected rather than silently never matching.
     */
    private static List<String> parsePaths(ConfigKey key, String value) throws InvalidValueException {
        List<String> paths = splitList(value);
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw invalid(key, "'" + path + "' does not start with '/'");
            }
            if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0) {
                throw invalid(key, "'" + path + "' is not a literal path; wildcards and query strings do not work");
            }
            if (containsWhitespace(path)) {
                throw invalid(key, "'" + path + "' contains white space");
            }
        }
        return paths;
    }

    /** "[METHOD ]/path[?query]"; which methods may be sent is decided when the warm-up runs. */
    private static List<String> parseRequests(ConfigKey key, String value) throws InvalidValueException {
        List<String> requests = splitList(value);
        for (String request : requests) {
            String[] parts = request.split("\\s+");
            boolean valid = parts.length == 1 ? parts[0].startsWith("/")
                    : parts.length == 2 && isToken(parts[0]) && parts[1].startsWith("/");
            if (!valid) {
                throw invalid(key, "'" + request + "' is not of the form [METHOD] /path");
            }
        }
        return requests;
    }

    private static List<String> parseHeaders(ConfigKey key, String value) throws InvalidValueException {
        List<String> headers = splitList(value);
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !isToken(header.substring(0, colon).trim())) {
                throw invalid(key, "'" + header + "' is not of the form Name: value");
            }
        }
        return headers;
    }

    /** An HTTP token (RFC 9110 section 5.6.2): the characters a header name or method may contain. */
    static boolean isToken(String text) {
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

    private static InvalidValueException invalid(ConfigKey key, String detail) {
        return new InvalidValueException(detail == null ? key.expected() : key.expected() + " (" + detail + ")");
    }
}
