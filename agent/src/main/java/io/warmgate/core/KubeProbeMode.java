package io.warmgate.core;

/**
 * What the gate does with the kubelet's probes ({@code User-Agent: kube-probe/<version>}). The kubelet is one
 * prober with one address: a ramp over it can only be on or off, and a gated liveness probe restarts the pod
 * (many services use one path for liveness and readiness). So by default its probes pass untouched.
 */
public enum KubeProbeMode {
    /** Never gated, never counted as a load-balancer node, never the start of the ramp. */
    PASS,
    /**
     * Held only while the synthetic warm-up runs (and the first probe starts it), so that the pod turns Ready
     * warm; for readiness-only probe paths. Without a configured warm-up, the same as {@link #PASS}.
     */
    WARMUP,
    /** Treated like any load-balancer node. */
    GATE;

    private static final String PREFIX = "kube-probe/";

    private final String label = Labels.of(this);

    /** True for the kubelet's own User-Agent, {@code kube-probe/1.29} and the like. */
    public static boolean isKubelet(String userAgent) {
        return userAgent != null && userAgent.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The name users write in {@code kube-probe=}. */
    public String label() {
        return label;
    }
}
