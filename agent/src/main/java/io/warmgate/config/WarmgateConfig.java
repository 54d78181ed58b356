package io.warmgate.config;

import io.warmgate.core.AgentLog;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.fleet.FleetTarget;
import io.warmgate.core.RampGate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The agent's configuration, validated and immutable. Built by {@link ConfigLoader}; see docs/configuration.md. */
public final class WarmgateConfig {

    public static final long DEFAULT_DURATION_NANOS = 60L * Durations.SECOND;
    public static final long MAX_DURATION_NANOS = 24L * Durations.HOUR;
    public static final int DEFAULT_WARMUP_CONCURRENCY = 4;
    /** One thread per parallel request: more than this would only queue inside the application. */
    public static final int MAX_WARMUP_CONCURRENCY = 256;
    public static final int DEFAULT_WARMUP_ROUNDS = 3;
    public static final long DEFAULT_WARMUP_TIMEOUT_NANOS = 60L * Durations.SECOND;
    /**
     * A node that fails open sends its whole share to every target: at 300 requests/s over 10 nodes and 3
     * instances that is 10 requests/s per node here, so 30 is about three seconds of such traffic, while a node
     * that routes correctly sends none at all.
     */
    public static final int DEFAULT_FAIL_OPEN_AFTER = 30;
    public static final int MAX_FAIL_OPEN_AFTER = 300;
    public static final long DEFAULT_FLEET_TIMEOUT_NANOS = 2L * Durations.SECOND;
    public static final long MIN_FLEET_TIMEOUT_NANOS = 100L * Durations.MILLISECOND;
    public static final long MAX_FLEET_TIMEOUT_NANOS = 30L * Durations.SECOND;

    private final boolean enabled;
    private final long durationNanos;
    private final double aggression;
    private final double minPercent;
    private final RampGate.StartMode start;
    private final List<String> paths;
    private final List<String> excludePaths;
    private final boolean detect;
    private final String peerHeader;
    private final AgentLog.Level logLevel;
    private final KubeProbeMode kubeProbe;
    private final int failOpenAfter;
    private final List<FleetTarget> fleetPeers;
    private final String fleetDnsName;
    private final int fleetDnsPort;
    private final long fleetTimeoutNanos;
    private final boolean spreadByInstance;
    private final List<String> warmupRequests;
    private final String warmupFile;
    private final int warmupConcurrency;
    private final int warmupRounds;
    private final long warmupDurationNanos;
    private final long warmupTimeoutNanos;
    private final int warmupPort;
    private final List<String> warmupHeaders;
    private final boolean warmupUnsafeMethods;

    private WarmgateConfig(Builder b) {
        this.enabled = b.enabled;
        this.durationNanos = b.durationNanos;
        this.aggression = b.aggression;
        this.minPercent = b.minPercent;
        this.start = b.start;
        this.paths = copy(b.paths);
        this.excludePaths = copy(b.excludePaths);
        this.detect = b.detect;
        this.peerHeader = b.peerHeader;
        this.logLevel = b.logLevel;
        this.kubeProbe = b.kubeProbe;
        this.failOpenAfter = b.failOpenAfter;
        this.fleetPeers = Collections.unmodifiableList(new ArrayList<FleetTarget>(b.fleetPeers));
        this.fleetDnsName = b.fleetDnsName;
        this.fleetDnsPort = b.fleetDnsPort;
        this.fleetTimeoutNanos = b.fleetTimeoutNanos;
        this.spreadByInstance = b.spreadByInstance;
        this.warmupRequests = copy(b.warmupRequests);
        this.warmupFile = b.warmupFile;
        this.warmupConcurrency = b.warmupConcurrency;
        this.warmupRounds = b.warmupRounds;
        this.warmupDurationNanos = b.warmupDurationNanos;
        this.warmupTimeoutNanos = b.warmupTimeoutNanos;
        this.warmupPort = b.warmupPort;
        this.warmupHeaders = copy(b.warmupHeaders);
        this.warmupUnsafeMethods = b.warmupUnsafeMethods;
    }

    /** Every key at its default. */
    public static WarmgateConfig defaults() {
        return new Builder().build();
    }

    /** {@code enabled}: false turns the agent off entirely. */
    public boolean enabled() {
        return enabled;
    }

    /** {@code duration}: length of the ramp. */
    public long durationNanos() {
        return durationNanos;
    }

    /** {@code aggression}: 1 is a linear ramp; higher values let more traffic in early. */
    public double aggression() {
        return aggression;
    }

    /** {@code min-percent}: the ramp's floor, 0..100. */
    public double minPercent() {
        return minPercent;
    }

    /** {@code start}: at the first health check, or immediately. */
    public RampGate.StartMode start() {
        return start;
    }

    /** {@code paths}: extra paths to gate, each starting with '/'. Unmodifiable. */
    public List<String> paths() {
        return paths;
    }

    /** {@code exclude-paths}: paths never gated. Unmodifiable. */
    public List<String> excludePaths() {
        return excludePaths;
    }

    /** {@code detect}: gate paths that look like health checks without listing them. */
    public boolean detect() {
        return detect;
    }

    /** {@code peer}: the header that names the load-balancer node, or null to use the socket's address. */
    public String peerHeader() {
        return peerHeader;
    }

    /** {@code log}. */
    public AgentLog.Level logLevel() {
        return logLevel;
    }

    /** {@code kube-probe}: what happens to the kubelet's probes. */
    public KubeProbeMode kubeProbe() {
        return kubeProbe;
    }

    /** {@code fail-open-after}: business requests from a denied node that let it in; 0 for never. */
    public int failOpenAfter() {
        return failOpenAfter;
    }

    /** {@code fleet.peers}: sibling instances asked when the ramp starts. Unmodifiable. */
    public List<FleetTarget> fleetPeers() {
        return fleetPeers;
    }

    /** {@code fleet.dns}'s name, or null. */
    public String fleetDnsName() {
        return fleetDnsName;
    }

    /** {@code fleet.dns}'s port (meaningless without a name). */
    public int fleetDnsPort() {
        return fleetDnsPort;
    }

    /** {@code fleet.timeout}: bound on connecting to a sibling, and again on reading its answer. */
    public long fleetTimeoutNanos() {
        return fleetTimeoutNanos;
    }

    /** True when {@code fleet.peers} or {@code fleet.dns} is set. */
    public boolean fleetConfigured() {
        return !fleetPeers.isEmpty() || fleetDnsName != null;
    }

    /** {@code spread=instance}: mix this instance's address and port into every peer's hash. */
    public boolean spreadByInstance() {
        return spreadByInstance;
    }

    /** {@code warmup.requests}: request lines such as {@code GET /api/items}. Unmodifiable. */
    public List<String> warmupRequests() {
        return warmupRequests;
    }

    /** {@code warmup.file}: a file of request lines, or null. */
    public String warmupFile() {
        return warmupFile;
    }

    /** {@code warmup.concurrency}: parallel warm-up requests. */
    public int warmupConcurrency() {
        return warmupConcurrency;
    }

    /** {@code warmup.rounds}: times the request list is sent (unless {@code warmup.duration} is set). */
    public int warmupRounds() {
        return warmupRounds;
    }

    /** {@code warmup.duration}: send rounds for this long instead of a number of rounds; 0 when not set. */
    public long warmupDurationNanos() {
        return warmupDurationNanos;
    }

    /** {@code warmup.timeout}: the warm-up is abandoned after this long and the ramp starts anyway. */
    public long warmupTimeoutNanos() {
        return warmupTimeoutNanos;
    }

    /** {@code warmup.port}: the application's port on loopback; 0 to detect it from the first request. */
    public int warmupPort() {
        return warmupPort;
    }

    /** {@code warmup.headers}: headers such as {@code X-Warmup: true} sent with every warm-up request. */
    public List<String> warmupHeaders() {
        return warmupHeaders;
    }

    /** {@code warmup.unsafe-methods}: allow warm-up requests other than GET and HEAD. */
    public boolean warmupUnsafeMethods() {
        return warmupUnsafeMethods;
    }

    /** True when a synthetic warm-up is configured (requests or a request file). */
    public boolean warmupConfigured() {
        return !warmupRequests.isEmpty() || warmupFile != null;
    }

    /**
     * One line for the startup log, e.g. {@code duration=60s aggression=1.0 min-percent=0.0 start=first-check
     * peer=remote detect=true paths=[] exclude-paths=[] log=info warmup=off}. Warm-up header values are left
     * out: they may carry credentials.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(160);
        if (!enabled) {
            line.append("enabled=false ");
        }
        line.append("duration=").append(Durations.format(durationNanos))
                .append(" aggression=").append(aggression)
                .append(" min-percent=").append(minPercent)
                .append(" start=").append(start == RampGate.StartMode.IMMEDIATE ? "immediate" : "first-check")
                .append(" peer=").append(peerHeader == null ? "remote" : "header:" + peerHeader)
                .append(" detect=").append(detect)
                .append(" paths=").append(paths)
                .append(" exclude-paths=").append(excludePaths)
                .append(" log=").append(logLevel.name().toLowerCase(Locale.ROOT))
                .append(" kube-probe=").append(kubeProbe.label())
                .append(" fail-open-after=").append(failOpenAfter)
                .append(" spread=").append(spreadByInstance ? "instance" : "none");
        if (!fleetPeers.isEmpty()) {
            line.append(" fleet.peers=").append(fleetPeers);
        }
        if (fleetDnsName != null) {
            line.append(" fleet.dns=").append(fleetDnsName).append(':').append(fleetDnsPort);
        }
        if (fleetConfigured()) {
            line.append(" fleet.timeout=").append(Durations.format(fleetTimeoutNanos));
        }
        if (!warmupConfigured()) {
            return line.append(" warmup=off").toString();
        }
        line.append(" warmup.requests=").append(warmupRequests);
        if (warmupFile != null) {
            line.append(" warmup.file=").append(warmupFile);
        }
        line.append(" warmup.concurrency=").append(warmupConcurrency);
        if (warmupDurationNanos > 0) {
            line.append(" warmup.duration=").append(Durations.format(warmupDurationNanos));
        } else {
            line.append(" warmup.rounds=").append(warmupRounds);
        }
        line.append(" warmup.timeout=").append(Durations.format(warmupTimeoutNanos))
                .append(" warmup.port=").append(warmupPort == 0 ? "auto" : String.valueOf(warmupPort))
                .append(" warmup.headers=").append(headerNames(warmupHeaders))
                .append(" warmup.unsafe-methods=").append(warmupUnsafeMethods);
        return line.toString();
    }

    private static List<String> headerNames(List<String> headers) {
        List<String> names = new ArrayList<String>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            names.add((colon < 0 ? header : header.substring(0, colon)).trim());
        }
        return names;
    }

    private static List<String> copy(List<String> list) {
        return Collections.unmodifiableList(new ArrayList<String>(list));
    }

    @Override
    public String toString() {
        return "WarmgateConfig[" + describe() + "]";
    }

    /** Collects values while loading; starts at the defaults. */
    static final class Builder {
        boolean enabled = true;
        long durationNanos = DEFAULT_DURATION_NANOS;
        double aggression = 1.0;
        double minPercent = 0.0;
        RampGate.StartMode start = RampGate.StartMode.FIRST_CHECK;
        List<String> paths = Collections.emptyList();
        List<String> excludePaths = Collections.emptyList();
        boolean detect = true;
        String peerHeader;
        AgentLog.Level logLevel = AgentLog.Level.INFO;
        KubeProbeMode kubeProbe = KubeProbeMode.PASS;
        int failOpenAfter = DEFAULT_FAIL_OPEN_AFTER;
        List<FleetTarget> fleetPeers = Collections.emptyList();
        String fleetDnsName;
        int fleetDnsPort;
        long fleetTimeoutNanos = DEFAULT_FLEET_TIMEOUT_NANOS;
        boolean spreadByInstance;
        List<String> warmupRequests = Collections.emptyList();
        String warmupFile;
        int warmupConcurrency = DEFAULT_WARMUP_CONCURRENCY;
        int warmupRounds = DEFAULT_WARMUP_ROUNDS;
        long warmupDurationNanos;
        long warmupTimeoutNanos = DEFAULT_WARMUP_TIMEOUT_NANOS;
        int warmupPort;
        List<String> warmupHeaders = Collections.emptyList();
        boolean warmupUnsafeMethods;

        WarmgateConfig build() {
            return new WarmgateConfig(this);
        }
    }
}
