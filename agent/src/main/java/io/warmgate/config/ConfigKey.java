package io.warmgate.config;

import java.util.Locale;

/**
 * Every configuration key, with the accepted form that error messages quote. The names are the contract with
 * users (agent arguments, {@code -Dwarmgate.<key>}, {@code WARMGATE_<KEY>}) and with docs/configuration.md.
 */
enum ConfigKey {
    ENABLED("enabled", false, "true or false"),
    DURATION("duration", false, "a duration such as 500ms, 30s, 2m or a number of seconds"),
    AGGRESSION("aggression", false, "a number greater than 0 and at most 100, such as 1 or 2.5"),
    MIN_PERCENT("min-percent", false, "a number from 0 to 100"),
    START("start", false, "first-check or immediate"),
    PATHS("paths", true, "paths starting with '/', separated by ';', such as /status;/ping"),
    EXCLUDE_PATHS("exclude-paths", true, "paths starting with '/', separated by ';', such as /internal/health"),
    DETECT("detect", false, "true or false"),
    PEER("peer", false, "remote or header:<Name>, such as header:X-Forwarded-For"),
    LOG("log", false, "info, debug or off"),
    WARMUP_REQUESTS("warmup.requests", true,
            "requests such as GET /api/items, separated by ';' (the method is optional and defaults to GET)"),
    WARMUP_FILE("warmup.file", false, "the path of a file with one request per line"),
    WARMUP_CONCURRENCY("warmup.concurrency", false, "a whole number of at least 1 and at most 256"),
    WARMUP_ROUNDS("warmup.rounds", false, "a whole number of at least 1"),
    WARMUP_DURATION("warmup.duration", false, "a duration such as 500ms, 30s, 2m or a number of seconds"),
    WARMUP_TIMEOUT("warmup.timeout", false, "a duration such as 500ms, 30s, 2m or a number of seconds"),
    WARMUP_PORT("warmup.port", false, "a port number from 1 to 65535"),
    WARMUP_HEADERS("warmup.headers", true, "headers such as X-Warmup: true, separated by ';'"),
    WARMUP_UNSAFE_METHODS("warmup.unsafe-methods", false, "true or false"),
    KUBE_PROBE("kube-probe", false, "pass, warmup or gate"),
    FAIL_OPEN_AFTER("fail-open-after", false, "a whole number from 0 (off) to 300"),
    FLEET_PEERS("fleet.peers", true,
            "sibling instances as host:port or http://host:port/path, separated by ';', such as 10.0.0.5:8080"),
    FLEET_DNS("fleet.dns", false, "a DNS name and a port, such as my-service-headless:8080"),
    FLEET_TIMEOUT("fleet.timeout", false, "a duration from 100ms to 30s, such as 2s"),
    SPREAD("spread", false, "none or instance");

    static final String PROPERTY_PREFIX = "warmgate.";
    static final String ENV_PREFIX = "WARMGATE_";

    private final String key;
    private final boolean list;
    private final String expected;

    ConfigKey(String key, boolean list, String expected) {
        this.key = key;
        this.list = list;
        this.expected = expected;
    }

    /** The name users write, e.g. {@code min-percent}. */
    String key() {
        return key;
    }

    /** True for list values, whose elements are separated by ';' in every source. */
    boolean isList() {
        return list;
    }

    /** What a valid value looks like, for error messages ("expected ..."). */
    String expected() {
        return expected;
    }

    /** {@code WARMGATE_} + the key in upper case with '.' and '-' turned into '_'. */
    String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    String propertyName() {
        return PROPERTY_PREFIX + key;
    }

    static ConfigKey byKey(String key) {
        for (ConfigKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    static ConfigKey byEnvName(String envName) {
        for (ConfigKey candidate : values()) {
            if (candidate.envName().equals(envName)) {
                return candidate;
            }
        }
        return null;
    }
}
