package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.fleet.FleetTarget;
import io.warmgate.core.RampGate;
import io.warmgate.core.warmup.RequestSyntax;

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
            case KUBE_PROBE:
                config.kubeProbe = parseKubeProbe(key, value);
                break;
            case FAIL_OPEN_AFTER:
                config.failOpenAfter = parseInt(key, value, 0, WarmgateConfig.MAX_FAIL_OPEN_AFTER);
                break;
            case FLEET_PEERS:
                config.fleetPeers = parseFleetPeers(key, value);
                break;
            case FLEET_DNS:
                parseFleetDns(key, value, config);
                break;
            case FLEET_TIMEOUT:
                config.fleetTimeoutNanos = parseDuration(key, value);
                if (config.fleetTimeoutNanos < WarmgateConfig.MIN_FLEET_TIMEOUT_NANOS
                        || config.fleetTimeoutNanos > WarmgateConfig.MAX_FLEET_TIMEOUT_NANOS) {
                    throw invalid(key, null);
                }
                break;
            case SPREAD:
                config.spreadByInstance = parseSpread(key, value);
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
                config.warmupConcurrency = parseInt(key, value, 1, WarmgateConfig.MAX_WARMUP_CONCURRENCY);
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

    private static KubeProbeMode parseKubeProbe(ConfigKey key, String value) throws InvalidValueException {
        for (KubeProbeMode mode : KubeProbeMode.values()) {
            if (mode.label().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw invalid(key, null);
    }

    private static boolean parseSpread(ConfigKey key, String value) throws InvalidValueException {
        if (value.equalsIgnoreCase("none")) {
            return false;
        }
        if (value.equalsIgnoreCase("instance")) {
            return true;
        }
        throw invalid(key, null);
    }

    private static List<FleetTarget> parseFleetPeers(ConfigKey key, String value) throws InvalidValueException {
        List<FleetTarget> targets = new ArrayList<FleetTarget>();
        for (String entry : splitList(value)) {
            try {
                targets.add(FleetTarget.parse(entry));
            } catch (IllegalArgumentException bad) {
                throw invalid(key, bad.getMessage());
            }
        }
        if (targets.isEmpty()) {
            throw invalid(key, null);
        }
        return targets;
    }

    private static void parseFleetDns(ConfigKey key, String value, WarmgateConfig.Builder config)
            throws InvalidValueException {
        int colon = value.lastIndexOf(':');
        String name = colon <= 0 ? "" : value.substring(0, colon);
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('/') >= 0 || !isPrintableWithoutSpaces(name)) {
            throw invalid(key, null);
        }
        try {
            config.fleetDnsPort = FleetTarget.parsePort(value.substring(colon + 1), value);
        } catch (IllegalArgumentException bad) {
            throw invalid(key, bad.getMessage());
        }
        config.fleetDnsName = name;
    }

    private static boolean isPrintableWithoutSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) <= ' ' || text.charAt(i) >= 0x7f) {
                return false;
            }
        }
        return true;
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

    /**
     * "[METHOD ]/path[?query]", written to the socket as it is, so the whole line is checked here (see
     * {@link RequestSyntax}). Whether a method may be sent depends on warmup.unsafe-methods: see
     * {@link #checkAgainstOtherKeys}.
     */
    private static List<String> parseRequests(ConfigKey key, String value) throws InvalidValueException {
        List<String> requests = splitList(value);
        for (String request : requests) {
            try {
                RequestSyntax.parseRequestLine(request);
            } catch (IllegalArgumentException bad) {
                throw invalid(key, bad.getMessage());
            }
        }
        return requests;
    }

    /** "Name: value" each; names the client sets itself, control characters and non-ASCII are refused. */
    private static List<String> parseHeaders(ConfigKey key, String value) throws InvalidValueException {
        List<String> headers = splitList(value);
        for (String header : headers) {
            try {
                RequestSyntax.parseHeader(header);
            } catch (IllegalArgumentException bad) {
                throw invalid(key, bad.getMessage());
            }
        }
        return headers;
    }

    /**
     * A value as an error message may quote it: warm-up header values become {@code ***}, because they may be
     * credentials ({@code Authorization: Bearer ...}) and an error line ends up in log files.
     */
    static String printableValue(ConfigKey key, String value) {
        if (key != ConfigKey.WARMUP_HEADERS) {
            return value;
        }
        StringBuilder shown = new StringBuilder();
        for (String element : value.split(";", -1)) {
            int colon = element.indexOf(':');
            boolean named = colon > 0 && isToken(element.substring(0, colon).trim());
            shown.append(shown.length() == 0 ? "" : ";")
                    .append(named ? element.substring(0, colon) + ": ***" : element);
        }
        return shown.toString();
    }

    /**
     * Checks a value that was valid on its own against the other keys, once all are read (a key's value may
     * only be wrong in combination). Throws for the key whose value has to change.
     */
    static void checkAgainstOtherKeys(ConfigKey key, WarmgateConfig.Builder config) throws InvalidValueException {
        switch (key) {
            case WARMUP_REQUESTS:
                if (!config.warmupUnsafeMethods) {
                    for (String request : config.warmupRequests) {
                        String method = RequestSyntax.parseRequestLine(request).method();
                        if (!RequestSyntax.isSafeMethod(method)) {
                            throw invalid(key, "'" + request + "' uses " + method + "; only GET and HEAD are sent "
                                    + "unless warmup.unsafe-methods=true");
                        }
                    }
                }
                break;
            case WARMUP_DURATION:
                if (config.warmupDurationNanos >= config.warmupTimeoutNanos) {
                    throw invalid(key, "it must be shorter than warmup.timeout ("
                            + Durations.format(config.warmupTimeoutNanos) + "), or the warm-up always times out");
                }
                break;
            default:
                break;
        }
    }

    /**
     * A warning for a value that is valid but has no effect, or null. Settings of a warm-up that is not
     * configured are the usual case: a typo in warmup.requests leaves the other warmup.* keys without effect.
     */
    static String ineffectiveValueWarning(ConfigKey key, WarmgateConfig.Builder config) {
        boolean warmupConfigured = !config.warmupRequests.isEmpty() || config.warmupFile != null;
        boolean warmupSetting = key.key().startsWith("warmup.") && key != ConfigKey.WARMUP_REQUESTS
                && key != ConfigKey.WARMUP_FILE;
        if (warmupSetting && !warmupConfigured) {
            return "config: " + key.key() + " is set, but neither warmup.requests nor warmup.file is, so no "
                    + "warm-up runs and " + key.key() + " has no effect";
        }
        boolean fleetConfigured = !config.fleetPeers.isEmpty() || config.fleetDnsName != null;
        if (key == ConfigKey.FLEET_TIMEOUT && !fleetConfigured) {
            return "config: fleet.timeout is set, but neither fleet.peers nor fleet.dns is, so no fleet check runs "
                    + "and fleet.timeout has no effect";
        }
        if (key == ConfigKey.KUBE_PROBE && config.kubeProbe == KubeProbeMode.WARMUP && !warmupConfigured) {
            return "config: kube-probe=warmup holds the kubelet's probes during the warm-up, but no warm-up is "
                    + "configured (warmup.requests or warmup.file), so the probes pass as with kube-probe=pass";
        }
        if (key == ConfigKey.WARMUP_ROUNDS && config.warmupDurationNanos > 0 && warmupConfigured) {
            return "config: warmup.rounds has no effect because warmup.duration is set; rounds are sent until "
                    + "warmup.duration has passed";
        }
        return null;
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
