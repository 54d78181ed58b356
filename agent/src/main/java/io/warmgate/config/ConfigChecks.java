package io.warmgate.config;

import io.warmgate.core.Durations;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.warmup.RequestSyntax;

/**
 * Rules between keys, applied once every value parsed on its own: a value may only be wrong in combination
 * ({@link #problem}), or valid but without effect ({@link #ineffective}).
 */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** What is wrong with {@code key}'s value given the others, completing "expected ... (...)"; or null. */
    static String problem(Key<?> key, WarmgateConfig config) {
        if (key == Keys.WARMUP_REQUESTS && !config.warmupUnsafeMethods()) {
            for (String request : config.warmupRequests()) {
                String method = RequestSyntax.parseRequestLine(request).method();
                if (!RequestSyntax.isSafeMethod(method)) {
                    return "'" + request + "' uses " + method + "; only GET and HEAD are sent unless "
                            + "warmup.unsafe-methods=true";
                }
            }
        }
        if (key == Keys.WARMUP_DURATION && config.warmupDurationNanos() >= config.warmupTimeoutNanos()) {
            return "it must be shorter than warmup.timeout (" + Durations.format(config.warmupTimeoutNanos())
                    + "), or the warm-up always times out";
        }
        if (config.drainQuietNanos() >= config.drainTimeoutNanos()) {
            // Reported once, on the key the user set (drain.quiet when both are set).
            if (key == Keys.DRAIN_QUIET) {
                return "it must be shorter than drain.timeout (" + Durations.format(config.drainTimeoutNanos())
                        + "), or every drain lasts until the timeout";
            }
            if (key == Keys.DRAIN_TIMEOUT && !config.isSet(Keys.DRAIN_QUIET)) {
                return "it must be longer than drain.quiet (" + Durations.format(config.drainQuietNanos())
                        + "), or every drain lasts until the timeout";
            }
        }
        return null;
    }

    /**
     * A warning for a value that is valid but has no effect, or null. Settings of a warm-up that is not
     * configured are the usual case: a typo in warmup.requests leaves the other warmup.* keys without effect.
     */
    static String ineffective(Key<?> key, WarmgateConfig config) {
        boolean recordSetting = key.name().startsWith(Keys.WARMUP_RECORD.name() + ".");
        if (recordSetting && config.warmupRecord() == null) {
            return "config: " + key.name() + " is set, but warmup.record is not, so nothing is recorded and "
                    + key.name() + " has no effect";
        }
        boolean warmupSetting = key.name().startsWith("warmup.") && key != Keys.WARMUP_REQUESTS
                && key != Keys.WARMUP_FILE && key != Keys.WARMUP_RECORD && !recordSetting;
        if (warmupSetting && !config.warmupConfigured()) {
            return "config: " + key.name() + " is set, but none of warmup.requests, warmup.file and warmup.record "
                    + "is, so no warm-up runs and " + key.name() + " has no effect";
        }
        if (key.name().startsWith("guard.") && !config.guardEnabled()) {
            return "config: " + key.name() + " is set, but guard=off, so " + key.name() + " has no effect";
        }
        if (key == Keys.FLEET_TIMEOUT && !config.fleetConfigured()) {
            return "config: fleet.timeout is set, but neither fleet.peers nor fleet.dns is, so no fleet check runs "
                    + "and fleet.timeout has no effect";
        }
        if (key == Keys.KUBE_PROBE && config.kubeProbe() == KubeProbeMode.WARMUP && !config.warmupConfigured()) {
            return "config: kube-probe=warmup holds the kubelet's probes during the warm-up, but no warm-up is "
                    + "configured (warmup.requests, warmup.file or warmup.record), so the probes pass as with kube-probe=pass";
        }
        if (key == Keys.WARMUP_ROUNDS && config.warmupDurationNanos() > 0 && config.warmupConfigured()) {
            return "config: warmup.rounds has no effect because warmup.duration is set; rounds are sent until "
                    + "warmup.duration has passed";
        }
        return null;
    }

    /**
     * A value as an error message may quote it: warm-up header values become {@code ***}, because they may be
     * credentials ({@code Authorization: Bearer ...}) and an error line ends up in log files.
     */
    static String printableValue(Key<?> key, String value) {
        if (key != Keys.WARMUP_HEADERS) {
            return value;
        }
        StringBuilder shown = new StringBuilder();
        for (String element : value.split(";", -1)) {
            int colon = element.indexOf(':');
            boolean named = colon > 0 && RequestSyntax.isToken(element.substring(0, colon).trim());
            shown.append(shown.length() == 0 ? "" : ";")
                    .append(named ? element.substring(0, colon) + ": ***" : element);
        }
        return shown.toString();
    }
}
