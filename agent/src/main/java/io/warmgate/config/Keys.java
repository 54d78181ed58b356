package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.Durations;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.RampGate;
import io.warmgate.core.drain.DrainMode;
import io.warmgate.core.fleet.FleetTarget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every configuration key, declared once. The names are the contract with users (agent arguments,
 * {@code -Dwarmgate.<key>}, {@code WARMGATE_<KEY>}); the accepted forms are what error messages quote; the
 * configuration reference's key table is generated from this list ({@link ConfigReference}).
 */
public final class Keys {

    private static final long MAX_DURATION_NANOS = 24L * Durations.HOUR;
    private static final String DURATION_FORM = "a duration such as 500ms, 30s, 2m or a number of seconds";
    private static final String DURATION_RANGE = "more than 0 and at most 24h";
    private static final List<String> NO_STRINGS = Collections.emptyList();

    public static final Key<Boolean> ENABLED = new Key<Boolean>("enabled", true, "`true`", false,
            "true or false", ValueParsers.bool());
    public static final Key<Long> DURATION = new Key<Long>("duration", 60L * Durations.SECOND, "`60s`", false,
            DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("more than 0 and at most 24h");
    public static final Key<Double> AGGRESSION = new Key<Double>("aggression", 1.0, "`1.0`", false,
            "a number greater than 0 and at most 100, such as 1 or 2.5", ValueParsers.number(0, false, 100, false));
    public static final Key<Double> MIN_PERCENT = new Key<Double>("min-percent", 0.0, "`0`", false,
            "a number from 0 to 100", ValueParsers.number(0, true, 100, true)).noted("a trailing `%` is allowed");
    public static final Key<RampGate.StartMode> START = new Key<RampGate.StartMode>("start",
            RampGate.StartMode.FIRST_CHECK, "`first-check`", false, "first-check or immediate",
            ValueParsers.oneOf(new String[] {"first-check", "immediate"},
                    new RampGate.StartMode[] {RampGate.StartMode.FIRST_CHECK, RampGate.StartMode.IMMEDIATE}))
            .noted("any case");
    public static final Key<List<String>> PATHS = new Key<List<String>>("paths", NO_STRINGS, "empty", true,
            "paths starting with '/', separated by ';', such as /status;/ping", ValueParsers.paths());
    public static final Key<List<String>> EXCLUDE_PATHS = new Key<List<String>>("exclude-paths", NO_STRINGS,
            "empty", true, "paths starting with '/', separated by ';', such as /internal/health",
            ValueParsers.paths());
    public static final Key<Boolean> DETECT = new Key<Boolean>("detect", true, "`true`", false, "true or false",
            ValueParsers.bool());
    /** The header that names the load-balancer node, or null for the socket's address. */
    public static final Key<String> PEER = new Key<String>("peer", null, "`remote`", false,
            "remote or header:<Name>, such as header:X-Forwarded-For", ValueParsers.peer());
    public static final Key<AgentLog.Level> LOG = new Key<AgentLog.Level>("log", AgentLog.Level.INFO, "`info`",
            false, "info, debug or off", ValueParsers.logLevel()).noted("any case");

    public static final Key<List<String>> WARMUP_REQUESTS = new Key<List<String>>("warmup.requests", NO_STRINGS,
            "empty", true,
            "requests such as GET /api/items, separated by ';' (the method is optional and defaults to GET)",
            ValueParsers.requestLines()).noted("only `GET` and `HEAD` unless `warmup.unsafe-methods=true`");
    public static final Key<String> WARMUP_FILE = new Key<String>("warmup.file", null, "none", false,
            "the path of a file with one request per line", ValueParsers.nonEmpty())
            .noted("read at start-up; format below");
    public static final Key<Integer> WARMUP_CONCURRENCY = new Key<Integer>("warmup.concurrency", 4, "`4`", false,
            "a whole number of at least 1 and at most 256", ValueParsers.wholeNumber(1, 256));
    public static final Key<Integer> WARMUP_ROUNDS = new Key<Integer>("warmup.rounds", 3, "`3`", false,
            "a whole number of at least 1", ValueParsers.wholeNumber(1, Integer.MAX_VALUE));
    /** 0 when not set: then {@link #WARMUP_ROUNDS} counts. */
    public static final Key<Long> WARMUP_DURATION = new Key<Long>("warmup.duration", 0L, "none", false,
            DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("more than 0 and shorter than `warmup.timeout`; rounds are sent for this long instead of "
                    + "`warmup.rounds`");
    public static final Key<Long> WARMUP_TIMEOUT = new Key<Long>("warmup.timeout", 60L * Durations.SECOND, "`60s`",
            false, DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("more than 0 and at most 24h");
    /** 0 to detect it from the first health check. */
    public static final Key<Integer> WARMUP_PORT = new Key<Integer>("warmup.port", 0, "detected", false,
            "a port number from 1 to 65535", ValueParsers.wholeNumber(1, 65535));
    public static final Key<List<String>> WARMUP_HEADERS = new Key<List<String>>("warmup.headers", NO_STRINGS,
            "empty", true, "headers such as X-Warmup: true, separated by ';'", ValueParsers.headers())
            .noted("printable ASCII; values never appear in logs");
    public static final Key<Boolean> WARMUP_UNSAFE_METHODS = new Key<Boolean>("warmup.unsafe-methods", false,
            "`false`", false, "true or false", ValueParsers.bool());
    public static final Key<String> WARMUP_RECORD = new Key<String>("warmup.record", null, "none", false,
            "the path of a file the agent writes, in a folder it may write to", ValueParsers.nonEmpty())
            .noted("records real GET and HEAD requests while serving, replays them as the warm-up at the next "
                    + "start; one file per service");
    /** A few hundred lines cover what a typical service's warm-up needs, in well under a second per round. */
    public static final Key<Integer> WARMUP_RECORD_LINES = new Key<Integer>("warmup.record.lines", 500, "`500`",
            false, "a whole number from 1 to 2000", ValueParsers.wholeNumber(1, 2000));
    public static final Key<Long> WARMUP_RECORD_INTERVAL = new Key<Long>("warmup.record.interval",
            5L * Durations.MINUTE, "`5m`", false, DURATION_FORM,
            ValueParsers.duration(Durations.SECOND, MAX_DURATION_NANOS, "at least 1s and at most 24h"))
            .noted("at least 1s and at most 24h; the file is also written at shutdown");
    public static final Key<Boolean> WARMUP_RECORD_DROP_QUERY = new Key<Boolean>("warmup.record.drop-query", false,
            "`false`", false, "true or false", ValueParsers.bool()).noted("`true` records paths only");
    public static final Key<List<String>> WARMUP_RECORD_SECRET_PARAMS = new Key<List<String>>(
            "warmup.record.secret-params", NO_STRINGS, "empty", true,
            "words separated by ';', such as ssn;card", ValueParsers.words())
            .noted("query parameters whose names contain one are not recorded, besides the built-in list");

    public static final Key<KubeProbeMode> KUBE_PROBE = new Key<KubeProbeMode>("kube-probe", KubeProbeMode.PASS,
            "`pass`", false, "pass, warmup or gate", ValueParsers.oneOf(new String[] {"pass", "warmup", "gate"},
                    new KubeProbeMode[] {KubeProbeMode.PASS, KubeProbeMode.WARMUP, KubeProbeMode.GATE}))
            .noted("any case");
    /**
     * A node that fails open sends its whole share to every target: at 300 requests/s over 10 nodes and 3
     * instances that is 10 requests/s per node here, so 30 is about three seconds of such traffic, while a node
     * that routes correctly sends none at all.
     */
    public static final Key<Integer> FAIL_OPEN_AFTER = new Key<Integer>("fail-open-after", 30, "`30`", false,
            "a whole number from 0 (off) to 300", ValueParsers.wholeNumber(0, 300));
    public static final Key<List<FleetTarget>> FLEET_PEERS = new Key<List<FleetTarget>>("fleet.peers",
            Collections.<FleetTarget>emptyList(), "empty", true,
            "sibling instances as host:port or http://host:port/path, separated by ';', such as 10.0.0.5:8080",
            ValueParsers.fleetPeers());
    /** The name (as the host) and port; null when not set. */
    public static final Key<FleetTarget> FLEET_DNS = new Key<FleetTarget>("fleet.dns", null, "none", false,
            "a DNS name and a port, such as my-service-headless:8080", ValueParsers.dnsName());
    public static final Key<Long> FLEET_TIMEOUT = new Key<Long>("fleet.timeout", 2L * Durations.SECOND, "`2s`",
            false, "a duration from 100ms to 30s, such as 2s",
            ValueParsers.duration(100L * Durations.MILLISECOND, 30L * Durations.SECOND, null));
    /** True for {@code instance}. */
    public static final Key<Boolean> SPREAD = new Key<Boolean>("spread", false, "`none`", false, "none or instance",
            ValueParsers.oneOf(new String[] {"none", "instance"}, new Boolean[] {Boolean.FALSE, Boolean.TRUE}));

    public static final Key<DrainMode> DRAIN = new Key<DrainMode>("drain", DrainMode.AUTO, "`auto`", false,
            "auto, on or off", ValueParsers.oneOf(new String[] {"auto", "on", "off"},
                    new DrainMode[] {DrainMode.AUTO, DrainMode.ON, DrainMode.OFF}))
            .noted("any case; `auto` drains on SIGTERM only when a health check arrived in the last 60s");
    /**
     * Long enough that a pause in ordinary traffic is not taken for the load balancers letting go, short enough
     * that a drain with HAProxy's defaults (3 failed checks 2 s apart) ends well inside a 30 s grace period.
     */
    public static final Key<Long> DRAIN_QUIET = new Key<Long>("drain.quiet", 5L * Durations.SECOND, "`5s`", false,
            DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("shorter than `drain.timeout`");
    /** Leaves 10 s of the usual 30 s grace period (Kubernetes, ECS) to the application's own shutdown. */
    public static final Key<Long> DRAIN_TIMEOUT = new Key<Long>("drain.timeout", 20L * Durations.SECOND, "`20s`",
            false, DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("more than 0 and at most 24h; counted from SIGTERM");
    /** True for {@code drain}: the kubelet's probes are denied while draining, like every node's. */
    public static final Key<Boolean> DRAIN_KUBE_PROBE = new Key<Boolean>("drain.kube-probe", true, "`drain`", false,
            "drain or pass", ValueParsers.oneOf(new String[] {"drain", "pass"},
                    new Boolean[] {Boolean.TRUE, Boolean.FALSE})).noted("any case");

    /**
     * Off by default for now: the limit derived from the instance's own latency does not yet hold the ramp of a
     * cold instance well enough (see the benchmarks), and it can hold the ramp of a warm one whose latency varies.
     */
    public static final Key<Boolean> GUARD = new Key<Boolean>("guard", false, "`off`", false, "on or off",
            ValueParsers.oneOf(new String[] {"on", "off"}, new Boolean[] {Boolean.TRUE, Boolean.FALSE}))
            .noted("any case");
    /** 0 for {@code auto}: the limit is derived from the instance's own latency. */
    public static final Key<Long> GUARD_P99 = new Key<Long>("guard.p99", 0L, "`auto`", false,
            "auto, or a duration such as 250ms", ValueParsers.durationOrAuto(1, Durations.HOUR, "at most 1h"))
            .noted("`auto` derives the limit from the instance's own best p99 (below)");
    public static final Key<Double> GUARD_ERRORS = new Key<Double>("guard.errors", 5.0, "`5`", false,
            "a number of percentage points from 0 to 100", ValueParsers.number(0, true, 100, true))
            .noted("a trailing `%` is allowed; added to the instance's lowest 5xx share; 100 turns it off");
    /** 0 when not set: then as long as {@link #DURATION}. */
    public static final Key<Long> GUARD_MAX_EXTEND = new Key<Long>("guard.max-extend", 0L, "`duration`", false,
            DURATION_FORM, ValueParsers.duration(1, MAX_DURATION_NANOS, DURATION_RANGE))
            .noted("more than 0 and at most 24h; the most the guard may lengthen the ramp");

    /** Every fixed key, in the order of the configuration reference. */
    static final List<Key<?>> ALL = Collections.unmodifiableList(Arrays.<Key<?>>asList(
            ENABLED, DURATION, AGGRESSION, MIN_PERCENT, START, PATHS, EXCLUDE_PATHS, DETECT, PEER, LOG,
            WARMUP_REQUESTS, WARMUP_FILE, WARMUP_CONCURRENCY, WARMUP_ROUNDS, WARMUP_DURATION, WARMUP_TIMEOUT,
            WARMUP_PORT, WARMUP_HEADERS, WARMUP_UNSAFE_METHODS, WARMUP_RECORD, WARMUP_RECORD_LINES,
            WARMUP_RECORD_INTERVAL, WARMUP_RECORD_DROP_QUERY, WARMUP_RECORD_SECRET_PARAMS,
            KUBE_PROBE, FAIL_OPEN_AFTER, FLEET_PEERS, FLEET_DNS, FLEET_TIMEOUT, SPREAD,
            DRAIN, DRAIN_QUIET, DRAIN_TIMEOUT, DRAIN_KUBE_PROBE,
            GUARD, GUARD_P99, GUARD_ERRORS, GUARD_MAX_EXTEND));

    /** The suffix of every framework's own switch, {@code <framework>.enabled}. */
    static final String FRAMEWORK_SWITCH_SUFFIX = ".enabled";

    private Keys() {
    }

    /** {@code <framework>.enabled}: false leaves that framework's classes alone. */
    public static Key<Boolean> frameworkSwitch(String framework) {
        return new Key<Boolean>(framework + FRAMEWORK_SWITCH_SUFFIX, true, "`true`", false, "true or false",
                ValueParsers.bool());
    }

    /** The fixed keys plus one switch per framework. */
    static List<Key<?>> withFrameworkSwitches(List<String> frameworks) {
        List<Key<?>> keys = new ArrayList<Key<?>>(ALL);
        for (String framework : frameworks) {
            keys.add(frameworkSwitch(framework));
        }
        return keys;
    }
}
