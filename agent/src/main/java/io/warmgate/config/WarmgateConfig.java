package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.Durations;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.RampGate;
import io.warmgate.core.drain.DrainMode;
import io.warmgate.core.fleet.FleetTarget;
import io.warmgate.core.warmup.WarmupSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's configuration, validated and immutable: the value of every key that a source set, and the
 * declared default of every other ({@link Keys}). Built by {@link ConfigLoader}; see docs/configuration.md.
 */
public final class WarmgateConfig implements WarmupSettings {

    /** Values by key name; keys that no source set are absent and read as their default. */
    private final Map<String, Object> values;

    WarmgateConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new HashMap<String, Object>(values));
    }

    /** Every key at its default. */
    public static WarmgateConfig defaults() {
        return new WarmgateConfig(Collections.<String, Object>emptyMap());
    }

    /** The value of {@code key}: the one a source set, or the key's default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return values.containsKey(key.name()) ? (T) values.get(key.name()) : key.defaultValue();
    }

    /** True when some source set {@code key} (to any value, the default included). */
    public boolean isSet(Key<?> key) {
        return values.containsKey(key.name());
    }

    /** {@code <framework>.enabled}. */
    public boolean frameworkEnabled(String framework) {
        return get(Keys.frameworkSwitch(framework));
    }

    public boolean enabled() {
        return get(Keys.ENABLED);
    }

    public long durationNanos() {
        return get(Keys.DURATION);
    }

    public double aggression() {
        return get(Keys.AGGRESSION);
    }

    public double minPercent() {
        return get(Keys.MIN_PERCENT);
    }

    public RampGate.StartMode start() {
        return get(Keys.START);
    }

    public List<String> paths() {
        return get(Keys.PATHS);
    }

    public List<String> excludePaths() {
        return get(Keys.EXCLUDE_PATHS);
    }

    public boolean detect() {
        return get(Keys.DETECT);
    }

    /** The header that names the load-balancer node, or null to use the socket's address. */
    public String peerHeader() {
        return get(Keys.PEER);
    }

    public AgentLog.Level logLevel() {
        return get(Keys.LOG);
    }

    public KubeProbeMode kubeProbe() {
        return get(Keys.KUBE_PROBE);
    }

    public int failOpenAfter() {
        return get(Keys.FAIL_OPEN_AFTER);
    }

    public List<FleetTarget> fleetPeers() {
        return get(Keys.FLEET_PEERS);
    }

    /** {@code fleet.dns}'s name, or null. */
    public String fleetDnsName() {
        FleetTarget dns = get(Keys.FLEET_DNS);
        return dns == null ? null : dns.host();
    }

    /** {@code fleet.dns}'s port (0 without a name). */
    public int fleetDnsPort() {
        FleetTarget dns = get(Keys.FLEET_DNS);
        return dns == null ? 0 : dns.port();
    }

    public long fleetTimeoutNanos() {
        return get(Keys.FLEET_TIMEOUT);
    }

    /** True when {@code fleet.peers} or {@code fleet.dns} is set. */
    public boolean fleetConfigured() {
        return !fleetPeers().isEmpty() || fleetDnsName() != null;
    }

    /** {@code spread=instance}. */
    public boolean spreadByInstance() {
        return get(Keys.SPREAD);
    }

    public DrainMode drainMode() {
        return get(Keys.DRAIN);
    }

    public long drainQuietNanos() {
        return get(Keys.DRAIN_QUIET);
    }

    public long drainTimeoutNanos() {
        return get(Keys.DRAIN_TIMEOUT);
    }

    /** {@code drain.kube-probe=drain}: the kubelet's probes are denied while draining. */
    public boolean drainKubeProbes() {
        return get(Keys.DRAIN_KUBE_PROBE);
    }

    /** {@code guard=on}: the ramp stands still while the instance is slow or failing. */
    public boolean guardEnabled() {
        return get(Keys.GUARD);
    }

    /** {@code guard.p99}, or 0 for {@code auto}. */
    public long guardP99Nanos() {
        return get(Keys.GUARD_P99);
    }

    /** {@code guard.errors}, in percentage points. */
    public double guardErrorPoints() {
        return get(Keys.GUARD_ERRORS);
    }

    /** {@code guard.max-extend}; when not set, as long as the ramp ({@code duration}). */
    public long guardMaxExtendNanos() {
        return isSet(Keys.GUARD_MAX_EXTEND) ? get(Keys.GUARD_MAX_EXTEND) : durationNanos();
    }

    @Override
    public List<String> warmupRequests() {
        return get(Keys.WARMUP_REQUESTS);
    }

    /** A file of request lines, or null. */
    @Override
    public String warmupFile() {
        return get(Keys.WARMUP_FILE);
    }

    @Override
    public String warmupRecord() {
        return get(Keys.WARMUP_RECORD);
    }

    public int warmupRecordLines() {
        return get(Keys.WARMUP_RECORD_LINES);
    }

    public long warmupRecordIntervalNanos() {
        return get(Keys.WARMUP_RECORD_INTERVAL);
    }

    public boolean warmupRecordDropQuery() {
        return get(Keys.WARMUP_RECORD_DROP_QUERY);
    }

    public List<String> warmupRecordSecretParams() {
        return get(Keys.WARMUP_RECORD_SECRET_PARAMS);
    }

    @Override
    public int warmupConcurrency() {
        return get(Keys.WARMUP_CONCURRENCY);
    }

    @Override
    public int warmupRounds() {
        return get(Keys.WARMUP_ROUNDS);
    }

    /** 0 when not set. */
    @Override
    public long warmupDurationNanos() {
        return get(Keys.WARMUP_DURATION);
    }

    @Override
    public long warmupTimeoutNanos() {
        return get(Keys.WARMUP_TIMEOUT);
    }

    /** 0 to detect it from the first request. */
    @Override
    public int warmupPort() {
        return get(Keys.WARMUP_PORT);
    }

    @Override
    public List<String> warmupHeaders() {
        return get(Keys.WARMUP_HEADERS);
    }

    @Override
    public boolean warmupUnsafeMethods() {
        return get(Keys.WARMUP_UNSAFE_METHODS);
    }

    /**
     * True when a synthetic warm-up is configured (requests, a request file or a recording). With a recording
     * alone, whether one runs depends on the file found at start.
     */
    public boolean warmupConfigured() {
        return !warmupRequests().isEmpty() || warmupFile() != null || warmupRecord() != null;
    }

    /**
     * One line for the startup log, e.g. {@code duration=60s aggression=1.0 min-percent=0.0 start=first-check
     * peer=remote detect=true paths=[] exclude-paths=[] log=info ... warmup=off}. Warm-up header values are left
     * out: they may carry credentials.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(200);
        if (!enabled()) {
            line.append("enabled=false ");
        }
        line.append("duration=").append(Durations.format(durationNanos()))
                .append(" aggression=").append(number(aggression()))
                .append(" min-percent=").append(number(minPercent()))
                .append(" start=").append(start() == RampGate.StartMode.IMMEDIATE ? "immediate" : "first-check")
                .append(" peer=").append(peerHeader() == null ? "remote" : "header:" + peerHeader())
                .append(" detect=").append(detect())
                .append(" paths=").append(paths())
                .append(" exclude-paths=").append(excludePaths())
                .append(" log=").append(logLevel().name().toLowerCase(Locale.ROOT))
                .append(" kube-probe=").append(kubeProbe().label())
                .append(" fail-open-after=").append(failOpenAfter())
                .append(" spread=").append(spreadByInstance() ? "instance" : "none");
        if (!fleetPeers().isEmpty()) {
            line.append(" fleet.peers=").append(fleetPeers());
        }
        if (fleetDnsName() != null) {
            line.append(" fleet.dns=").append(fleetDnsName()).append(':').append(fleetDnsPort());
        }
        if (fleetConfigured()) {
            line.append(" fleet.timeout=").append(Durations.format(fleetTimeoutNanos()));
        }
        line.append(" drain=").append(drainMode().label());
        if (drainMode() != DrainMode.OFF) {
            line.append(" drain.quiet=").append(Durations.format(drainQuietNanos()))
                    .append(" drain.timeout=").append(Durations.format(drainTimeoutNanos()));
            if (!drainKubeProbes()) {
                line.append(" drain.kube-probe=pass");
            }
        }
        line.append(" guard=").append(guardEnabled() ? "on" : "off");
        if (guardEnabled()) {
            line.append(" guard.p99=").append(guardP99Nanos() == 0 ? "auto" : Durations.format(guardP99Nanos()))
                    .append(" guard.errors=").append(guardErrorPoints())
                    .append(" guard.max-extend=").append(Durations.format(guardMaxExtendNanos()));
        }
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getKey().endsWith(Keys.FRAMEWORK_SWITCH_SUFFIX) && Boolean.FALSE.equals(value.getValue())) {
                line.append(' ').append(value.getKey()).append("=false");
            }
        }
        if (!warmupConfigured()) {
            return line.append(" warmup=off").toString();
        }
        line.append(" warmup.requests=").append(warmupRequests());
        if (warmupFile() != null) {
            line.append(" warmup.file=").append(warmupFile());
        }
        if (warmupRecord() != null) {
            line.append(" warmup.record=").append(warmupRecord())
                    .append(" warmup.record.lines=").append(warmupRecordLines())
                    .append(" warmup.record.interval=").append(Durations.format(warmupRecordIntervalNanos()))
                    .append(" warmup.record.drop-query=").append(warmupRecordDropQuery());
            if (!warmupRecordSecretParams().isEmpty()) {
                line.append(" warmup.record.secret-params=").append(warmupRecordSecretParams());
            }
        }
        line.append(" warmup.concurrency=").append(warmupConcurrency());
        if (warmupDurationNanos() > 0) {
            line.append(" warmup.duration=").append(Durations.format(warmupDurationNanos()));
        } else {
            line.append(" warmup.rounds=").append(warmupRounds());
        }
        line.append(" warmup.timeout=").append(Durations.format(warmupTimeoutNanos()))
                .append(" warmup.port=").append(warmupPort() == 0 ? "auto" : String.valueOf(warmupPort()))
                .append(" warmup.headers=").append(headerNames(warmupHeaders()))
                .append(" warmup.unsafe-methods=").append(warmupUnsafeMethods());
        return line.toString();
    }

    /**
     * A number as {@code Double.toString} writes it; whole numbers (the defaults) without it, which would load the
     * JDK's floating-point formatting before the application's main.
     */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7 && !(value == 0 && 1 / value < 0)) {
            return Long.toString((long) value) + ".0";
        }
        return Double.toString(value);
    }

    private static List<String> headerNames(List<String> headers) {
        List<String> names = new ArrayList<String>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            names.add((colon < 0 ? header : header.substring(0, colon)).trim());
        }
        return names;
    }

    @Override
    public String toString() {
        return "WarmgateConfig[" + describe() + "]";
    }
}
