package io.warmgate.agent;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.agent.jmx.GateMBeanRegistration;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthGatekeeper;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.config.Keys;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.BusinessObserver;
import io.warmgate.core.Decision;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.PeerAddresses;
import io.warmgate.core.Phase;
import io.warmgate.core.RampGate;
import io.warmgate.core.fleet.FleetStartCheck;
import io.warmgate.core.fleet.SiblingAnswer;
import io.warmgate.core.warmup.WarmupCoordinator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connects what advice sees of a request (path, socket address, forwarding header) to the core gate:
 * which paths are gated, which peer is asking, and what a denial looks like. It also starts the synthetic
 * warm-up at the first health check, lets the warm-up's own requests through, registers the JMX MBean, and
 * applies the deploy-situation rules: the kubelet's probes ({@code kube-probe}), sibling instances' fleet checks,
 * the fleet check at the start of the ramp ({@code fleet.*}), nodes that fail open ({@code fail-open-after}) and
 * {@code spread}.
 */
final class GateRuntime implements HealthGatekeeper {

    /** Request paths remembered per handler for the "already logged" check; odd variants beyond it are rare. */
    private static final int MAX_PATHS_PER_HANDLER = 32;
    /** Longer request paths are cut in the handler line; the gate itself always looks at the whole path. */
    private static final int MAX_SHOWN_PATH = 120;

    /** The deploy-situation rules, which tests and the benchmark leave at their defaults. */
    static final class Policy {
        static final Policy DEFAULTS = new Policy(Keys.KUBE_PROBE.defaultValue(),
                Keys.FAIL_OPEN_AFTER.defaultValue(), Keys.SPREAD.defaultValue());

        final KubeProbeMode kubeProbe;
        final int failOpenAfter;
        final boolean spreadByInstance;

        Policy(KubeProbeMode kubeProbe, int failOpenAfter, boolean spreadByInstance) {
            this.kubeProbe = kubeProbe;
            this.failOpenAfter = failOpenAfter;
            this.spreadByInstance = spreadByInstance;
        }

        static Policy of(WarmgateConfig config) {
            return new Policy(config.kubeProbe(), config.failOpenAfter(), config.spreadByInstance());
        }
    }

    /** The answer to a sibling's fleet check while this instance is open but opened cold (no ramp). */
    private static final Denial OPEN_BUT_COLD = new Denial(SiblingAnswer.OPEN_BUT_COLD_STATE,
            "warmgate: this instance serves every load balancer node, but it opened without a ramp less than one "
                    + "ramp duration ago, with the rest of its fleet: it is no warmer than a new instance\n");

    private final HealthPathMatcher paths;
    private final RampGate gate;
    private final String peerHeader;
    private final AgentLog log;
    private final HandlerLog handlers;
    /** Handler identity to the raw request paths already logged for it: the repeat path allocates nothing. */
    private final ConcurrentHashMap<String, Set<String>> loggedPaths = new ConcurrentHashMap<String, Set<String>>();
    /** Null when no warm-up is configured. */
    private final WarmupCoordinator warmup;
    /** Null when the MBean is not wanted (tests). */
    private final GateMBeanRegistration mbean;
    private final Policy policy;
    /** Null when no fleet check is configured. */
    private final FleetStartCheck fleet;
    private final AtomicBoolean kubeletLogged = new AtomicBoolean();
    /** Denies every health check while draining (SIGTERM, drain command); off in tests that say nothing. */
    private final ShutdownDrain drain;
    /** Observers of business requests; replaced whole when one is added, at start-up only. */
    private volatile BusinessObserver[] observers = new BusinessObserver[0];
    /**
     * Set once the gate is seen open and no drain is on: from then on business requests cost one volatile read.
     * A drain that starts clears it ({@link #settle()} keeps the two from racing).
     */
    private volatile boolean settled;

    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log) {
        this(paths, gate, peerHeader, log, null, null);
    }

    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log, WarmupCoordinator warmup,
                GateMBeanRegistration mbean) {
        this(paths, gate, peerHeader, log, warmup, mbean, Policy.DEFAULTS, null, null, new HandlerLog(log));
    }

    /**
     * @param warmup the synthetic warm-up, started at the first health check; null for none. The gate must have
     *               been created holding for it.
     * @param mbean  registered at the first health check (never from premain); null for none
     * @param fleet  the fleet check, started at the first load-balancer health check; null for none
     * @param drain  the drain; null for none (drain=off, and no drain command either)
     * @param handlers where "health handler found" lines go, shared with the framework modules
     */
    GateRuntime(HealthPathMatcher paths, RampGate gate, String peerHeader, AgentLog log, WarmupCoordinator warmup,
                GateMBeanRegistration mbean, Policy policy, FleetStartCheck fleet, ShutdownDrain drain,
                HandlerLog handlers) {
        this.drain = drain != null ? drain : ShutdownDrain.none(log);
        this.drain.whenDrainStarts(new Runnable() {
            @Override
            public void run() {
                settled = false; // business requests are counted again while draining
            }
        });
        this.paths = paths;
        this.gate = gate;
        this.peerHeader = peerHeader;
        this.log = log;
        this.warmup = warmup;
        this.mbean = mbean;
        this.policy = policy;
        this.fleet = fleet;
        this.handlers = handlers;
    }

    @Override
    public boolean isGated(String path) {
        return paths.isGated(path);
    }

    @Override
    public String peerHeaderName() {
        return peerHeader;
    }

    @Override
    public Denial check(HealthRequest request) {
        if (warmup != null) {
            if (warmup.isOwnRequest(request.warmupMarker())) {
                return null; // the warm-up's own request: never gated, never counted as a peer
            }
            warmup.offerPort(request.localPort()); // before the check, so the warm-up it may start knows the port
        }
        if (request.fleetMarker() != null) {
            Denial draining = drain.denialIfDraining();
            return draining != null ? draining : answerSibling();
        }
        if (mbean != null) {
            mbean.registerOnce();
        }
        logHandlerOnce(request);
        Denial draining = drain.check(request);
        if (draining != null) {
            return draining;
        }
        if (KubeProbeMode.isKubelet(request.userAgent()) && policy.kubeProbe != KubeProbeMode.GATE) {
            return answerKubelet(request);
        }
        if (policy.spreadByInstance && gate.spreadInstance() == null) {
            spreadBy(request);
        }
        if (fleet != null && fleet.holdsTheGate(request.path())) {
            // Until the siblings have answered nobody knows whether this instance is the only one that will serve:
            // behave as without the agent (allow, count nothing), and ramp or open once the fleet is known.
            return null;
        }
        String peer = peerOf(request.remoteAddress(), request.peerHeader());
        Decision decision = gate.check(peer);
        Phase phase = decision.phase();
        if (warmup != null && phase == Phase.WARMING) {
            warmup.onHealthCheckWhileWarming(); // the first one starts it; later ones only check its timeout
        }
        if (phase == Phase.OPEN) {
            settle();
        }
        return decision.allowed() ? null : new Denial(decision.headerValue(), decision.denialBody());
    }

    /**
     * Another instance's fleet check asks whether this one serves every node. It is never a load-balancer node:
     * not counted, never the start of the ramp. Open: the application answers. Otherwise a 503 that says why.
     */
    private Denial answerSibling() {
        Phase phase = gate.phase();
        if (phase == Phase.OPEN) {
            // Opened by a fleet check in a whole-fleet start: it serves every node, but it is as cold as its
            // siblings, which must not ramp behind it as if it were warm (see SiblingAnswer.openButCold).
            return gate.skippedRecently() ? OPEN_BUT_COLD : null;
        }
        return new Denial("phase=" + phase.label() + "; percent=" + Decision.formatPercent(gate.currentPercent()),
                "warmgate: this instance is " + phase.label() + "; it does not serve every load balancer node yet\n");
    }

    /**
     * The kubelet is one prober with one address: gating it can only turn the pod on or off, and a gated
     * liveness probe restarts it. So its probes pass ({@code kube-probe=pass}), or are held only while the
     * synthetic warm-up runs ({@code kube-probe=warmup}, whose first probe starts the warm-up). Neither counts
     * the kubelet as a node, nor starts the ramp.
     */
    private Denial answerKubelet(HealthRequest request) {
        boolean holdForWarmup = policy.kubeProbe == KubeProbeMode.WARMUP && warmup != null && !warmup.isFinished()
                && gate.phase() != Phase.OPEN;
        if (!kubeletLogged.get() && kubeletLogged.compareAndSet(false, true)) {
            log.info("kubelet probe seen (User-Agent " + abbreviate(request.userAgent()) + ", from "
                    + abbreviate(request.remoteAddress()) + "): " + (policy.kubeProbe == KubeProbeMode.WARMUP
                            ? "held while the warm-up runs, then passed (kube-probe=warmup)"
                            : "never gated (kube-probe=pass)")
                    + "; the kubelet is not a load-balancer node and does not start the ramp");
        }
        if (!holdForWarmup) {
            return null;
        }
        warmup.onHealthCheckWhileWarming(); // the first one starts it; later ones only check its timeout
        return new Denial("phase=warming; percent=0.0", "warmgate: this instance is warming up; not yet ready\n");
    }

    /** {@code spread=instance}: this instance is known as the address and port the load balancer reached. */
    private void spreadBy(HealthRequest request) {
        String local = PeerAddresses.canonicalize(request.localAddress());
        String instance = (local == null ? "unknown" : local.indexOf(':') >= 0 ? "[" + local + "]" : local) + ":"
                + request.localPort();
        if (gate.spreadBy(instance)) {
            log.info("spread=instance: peer buckets mix in this instance's address " + gate.spreadInstance()
                    + " (plan --instance " + gate.spreadInstance() + " predicts them)");
        }
    }

    @Override
    public boolean watchesBusiness() {
        if (settled) {
            return false;
        }
        if (drain.isDraining()) {
            return true;
        }
        if (policy.failOpenAfter <= 0 || !gate.hasDeniedPeers()) {
            return false;
        }
        if (gate.isOpen()) {
            settle();
            return false;
        }
        return true;
    }

    /**
     * Stops watching business requests, unless a drain started meanwhile: a drain that starts between the two
     * writes has cleared {@code settled} after the first, or is seen by the read and undone here.
     */
    private void settle() {
        settled = true;
        if (drain.isDraining()) {
            settled = false;
        }
    }

    @Override
    public void businessRequest(String remoteAddress, String peerHeaderValue, String warmupMarker) {
        if (warmup != null && warmup.isOwnRequest(warmupMarker)) {
            return; // the warm-up's traffic is ours, not a load balancer failing open
        }
        if (drain.isDraining()) {
            drain.businessRequest(); // a draining instance is leaving every node: fail-open no longer applies
            return;
        }
        gate.businessRequestFrom(peerOf(remoteAddress, peerHeaderValue), policy.failOpenAfter);
    }

    /**
     * Adds an observer of business requests (latency, errors, what is requested). Called while the agent starts,
     * before the bridge serves any request.
     */
    void observe(BusinessObserver observer) {
        BusinessObserver[] grown = java.util.Arrays.copyOf(observers, observers.length + 1);
        grown[observers.length] = observer;
        observers = grown;
    }

    @Override
    public boolean timesBusiness() {
        BusinessObserver[] current = observers;
        for (BusinessObserver observer : current) {
            if (observer.active()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void businessEnded(String method, String path, String query, int status, long elapsedNanos,
                              String warmupMarker) {
        if (warmup != null && warmup.isOwnRequest(warmupMarker)) {
            return; // the warm-up's requests are ours, not the traffic the instance serves
        }
        for (BusinessObserver observer : observers) {
            if (observer.active()) {
                observer.requestEnded(method, path, query, status, elapsedNanos);
            }
        }
    }

    @Override
    public void failed(String where, Throwable failure) {
        log.warnOnce("failure:" + where, "internal failure in " + where + " (" + failure + "); the request "
                + "proceeded as if warmgate were not there. Please report this.");
    }

    /** The peer is the forwarding header's nearest hop when configured and usable, else the socket address. */
    String peerOf(String remoteAddr, String headerValue) {
        if (peerHeader != null) {
            String forwarded = PeerAddresses.fromForwardedHeader(headerValue);
            if (forwarded != null) {
                return forwarded;
            }
            log.warnOnce("peer-header", "a health check had no usable " + peerHeader + " header (value: "
                    + abbreviate(headerValue) + "); using the socket address " + remoteAddr + " for such checks");
        }
        String canonical = PeerAddresses.canonicalize(remoteAddr);
        if (canonical != null) {
            return canonical;
        }
        log.warnOnce("odd-remote", "the server reported a peer address that is not an IP literal ("
                + abbreviate(remoteAddr) + "); it is hashed as it is");
        return remoteAddr == null ? "" : remoteAddr.trim();
    }

    /**
     * Names the handler in the log the first time it serves a path. Every health check asks, so the repeat path
     * is two map lookups on strings the request already has, and allocates nothing.
     */
    private void logHandlerOnce(HealthRequest request) {
        if (request.handler() == null) {
            return; // decided before its handler was known: the handler names itself (handlerAnswered)
        }
        logHandlerOnce(request.handler(), request.path(), request);
    }

    @Override
    public void handlerAnswered(String handlerKind, String handler, String path) {
        if (handler == null) {
            return;
        }
        logHandlerOnce(handler, path, new HealthRequest(path, null, null, -1, null, null, null, null, handlerKind,
                handler, null));
    }

    /** @param labelled what the line names: its {@link HealthRequest#handlerLabel()}, built only for a new line */
    private void logHandlerOnce(String handler, String requestPath, HealthRequest labelled) {
        String path = requestPath == null ? "" : requestPath;
        Set<String> known = loggedPaths.get(handler);
        if (known != null && known.contains(path)) {
            return;
        }
        handlers.found(labelled.handlerLabel(), shownPath(requestPath), null);
        if (known == null) {
            known = ConcurrentHashMap.newKeySet();
            Set<String> raced = loggedPaths.putIfAbsent(handler, known);
            known = raced == null ? known : raced;
        }
        if (known.size() < MAX_PATHS_PER_HANDLER && loggedPaths.size() <= HandlerLog.MAX_LOGGED) {
            known.add(path);
        }
    }

    /**
     * The request path as the handler line shows it: without ";parameters", because a session id in
     * {@code /health;jsessionid=...} must neither reach the log nor make every session look like a new handler,
     * and cut to a readable length, because the path is whatever the client sent.
     */
    static String shownPath(String path) {
        if (path == null) {
            return "none";
        }
        StringBuilder shown = new StringBuilder(Math.min(path.length(), MAX_SHOWN_PATH + 1));
        boolean inParameters = false;
        for (int i = 0; i < path.length() && shown.length() <= MAX_SHOWN_PATH; i++) {
            char c = path.charAt(i);
            if (c == ';' || c == '/') {
                inParameters = c == ';';
            }
            if (!inParameters) {
                shown.append(c);
            }
        }
        return shown.length() <= MAX_SHOWN_PATH ? shown.toString()
                : shown.substring(0, MAX_SHOWN_PATH) + "... (" + path.length() + " characters)";
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "none";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
