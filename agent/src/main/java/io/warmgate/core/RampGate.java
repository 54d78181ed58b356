package io.warmgate.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gate: decides each health check from the peer's bucket and the ramp's percent at that moment.
 *
 * <p>Thread-safe and lock-free: health checks arrive on many server threads at once. The start of the ramp is
 * one immutable {@link StartState} swapped in by compare-and-set, so exactly one thread starts it and every
 * other thread sees the same start time. After the ramp is over a check costs one clock read and returns a
 * shared decision.
 */
public final class RampGate {

    /** When the ramp starts. */
    public enum StartMode {
        /** At the first health check: the moment the load balancer has registered the instance. */
        FIRST_CHECK,
        /** When the gate is created (at JVM start). */
        IMMEDIATE
    }

    /** Distinct peers remembered for logging; beyond this, peers are decided but not tracked. */
    public static final int MAX_TRACKED_PEERS = 4096;

    /** Whether and when the ramp started. Immutable, so one compare-and-set publishes all of it. */
    private static final class StartState {
        static final StartState WAITING = new StartState(false, false, false, 0L, null, false);
        static final StartState HELD = new StartState(false, true, false, 0L, null, false);

        final boolean started;
        final boolean held;
        final boolean checkSeen;
        final long startNanos;
        /** While held: the first peer that asked, named when the ramp starts after the warm-up. */
        final String firstPeer;
        /** The gate was opened before its time ({@link #skipRamp()}): open, whatever the clock says. */
        final boolean skipped;

        private StartState(boolean started, boolean held, boolean checkSeen, long startNanos, String firstPeer,
                boolean skipped) {
            this.started = started;
            this.held = held;
            this.checkSeen = checkSeen;
            this.startNanos = startNanos;
            this.firstPeer = firstPeer;
            this.skipped = skipped;
        }

        static StartState startedAt(long nanos) {
            return new StartState(true, false, true, nanos, null, false);
        }

        static StartState skippedAt(long nanos) {
            return new StartState(true, false, true, nanos, null, true);
        }

        static StartState heldAfterCheckFrom(String peer) {
            return new StartState(false, true, true, 0L, peer, false);
        }
    }

    private final RampCurve curve;
    private final StartMode startMode;
    private final MonotonicClock clock;
    private final GateListener listener;
    private final PeerTracker peers;
    private final AtomicReference<StartState> state;
    private final AtomicBoolean finishReported = new AtomicBoolean();
    /**
     * Mixed into every peer's hash when {@code spread=instance}, so that instances ramping at the same moment
     * open different nodes first; null keeps the documented formula. Set once, before the first decision.
     */
    private final AtomicReference<String> spread = new AtomicReference<String>();

    public RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener) {
        this(curve, startMode, clock, listener, false, MAX_TRACKED_PEERS);
    }

    /**
     * Like the four-argument constructor, but with {@code holdForWarmup} true the gate starts out holding for the
     * synthetic warm-up. This is the way to combine a warm-up with {@link StartMode#IMMEDIATE}, whose ramp
     * otherwise starts right here, before {@link #holdForWarmup()} could be called.
     */
    public RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener,
            boolean holdForWarmup) {
        this(curve, startMode, clock, listener, holdForWarmup, MAX_TRACKED_PEERS);
    }

    RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener,
            boolean holdForWarmup, int maxTrackedPeers) {
        if (curve == null || startMode == null || clock == null) {
            throw new NullPointerException("curve, startMode and clock are required");
        }
        this.curve = curve;
        this.startMode = startMode;
        this.clock = clock;
        this.listener = listener == null ? GateListener.NONE : listener;
        this.peers = new PeerTracker(maxTrackedPeers);
        if (holdForWarmup) {
            state = new AtomicReference<StartState>(StartState.HELD);
        } else if (startMode == StartMode.IMMEDIATE) {
            state = new AtomicReference<StartState>(StartState.startedAt(clock.nanoTime()));
            Listeners.rampStarted(this.listener, null);
        } else {
            state = new AtomicReference<StartState>(StartState.WAITING);
        }
    }

    /**
     * Decides one health check from an already canonical peer address ({@link PeerAddresses#canonicalize}).
     * Allowed iff the peer's bucket is at most the ramp's current percent; once allowed, always allowed.
     */
    public Decision check(String peer) {
        String address = peer == null ? "" : peer;
        StartState start = state.get();
        while (!start.started) {
            if (start.held) {
                if (!start.checkSeen) {
                    if (!state.compareAndSet(start, StartState.heldAfterCheckFrom(address))) {
                        start = state.get();
                        continue;
                    }
                    Listeners.firstCheckWhileHeld(listener, address);
                }
                return warmingDecision(address);
            }
            StartState started = StartState.startedAt(clock.nanoTime());
            if (state.compareAndSet(start, started)) {
                Listeners.rampStarted(listener, address);
                start = started;
            } else {
                start = state.get(); // another thread started the ramp (or a hold began); use its state
            }
        }
        long elapsed = clock.nanoTime() - start.startNanos;
        if (start.skipped || elapsed >= curve.durationNanos()) {
            reportFinishOnce(elapsed);
            return Decision.OPEN;
        }
        double percent = curve.percentAt(elapsed);
        int hash = hashOf(address);
        int bucket = PeerBuckets.bucket(hash);
        boolean allowed = peers.record(address, hash, bucket, percent, bucket <= percent, listener);
        return new Decision(allowed, Phase.RAMPING, percent, bucket, hash);
    }

    /** While warming every new peer is denied; one let in by {@link #businessRequestFrom} stays allowed. */
    private Decision warmingDecision(String peer) {
        int hash = hashOf(peer);
        int bucket = PeerBuckets.bucket(hash);
        boolean allowed = peers.record(peer, hash, bucket, 0.0, false, listener);
        return new Decision(allowed, Phase.WARMING, 0.0, bucket, hash);
    }

    private int hashOf(String peer) {
        String instance = spread.get();
        return instance == null ? PeerBuckets.hash(peer) : PeerBuckets.spreadHash(peer, instance);
    }

    /**
     * Mixes {@code instance} into every peer's hash from now on ({@code spread=instance}). Only the first call
     * counts, and only before any peer was decided: a peer's bucket never changes during a ramp.
     *
     * @return true when the spread is in force after this call
     */
    public boolean spreadBy(String instance) {
        if (instance != null && peers.seen() == 0) {
            spread.compareAndSet(null, instance);
        }
        return spread.get() != null;
    }

    /** The instance identity mixed into peer hashes, or null when the documented formula is in force. */
    public String spreadInstance() {
        return spread.get();
    }

    /**
     * A business (non-health) request arrived from {@code peer}. A peer that is denied yet keeps sending business
     * traffic is behind a load balancer that routes to this instance anyway (ALB and Envoy do when every target
     * of a node is unhealthy): denying its health checks achieves nothing but false alarms. At the
     * {@code threshold}-th such request the peer is allowed, for good.
     *
     * @return true for exactly the call that let the peer in
     */
    public boolean businessRequestFrom(String peer, int threshold) {
        if (threshold <= 0 || peer == null || isOpen()) {
            return false;
        }
        int letInAfter = peers.letInAfterBusiness(peer, threshold);
        if (letInAfter < 0) {
            return false;
        }
        int hash = hashOf(peer);
        Listeners.peerLetIn(listener, peer, hash, PeerBuckets.bucket(hash), letInAfter);
        return true;
    }

    /**
     * Opens the gate to every peer now, ending a hold or a ramp early (the fleet check found no sibling that
     * serves, so holding nodes back would leave them with no server at all). No "ramp finished" line follows.
     *
     * @return true when this call opened the gate; false when it was open already
     */
    public boolean skipRamp() {
        while (true) {
            StartState current = state.get();
            if (current.skipped || (current.started && clock.nanoTime() - current.startNanos >= curve.durationNanos())) {
                return false;
            }
            if (state.compareAndSet(current, StartState.skippedAt(clock.nanoTime()))) {
                finishReported.set(true);
                return true;
            }
        }
    }

    /** True once every peer is allowed: the ramp is over, or was skipped. */
    public boolean isOpen() {
        StartState start = state.get();
        return start.started && (start.skipped || clock.nanoTime() - start.startNanos >= curve.durationNanos());
    }

    private void reportFinishOnce(long elapsed) {
        if (finishReported.get() || !finishReported.compareAndSet(false, true)) {
            return;
        }
        Listeners.rampFinished(listener, elapsed, peers.seen(), peers.allowed());
        String onlyPeer = peers.onlyPeer();
        if (onlyPeer != null) {
            Listeners.singlePeerOnly(listener, onlyPeer);
        }
    }

    /**
     * Makes the gate deny every peer, without starting the ramp, until {@link #warmupFinished()}. Only takes
     * effect while the ramp has not started, that is before the first health check with
     * {@link StartMode#FIRST_CHECK}; for {@link StartMode#IMMEDIATE} use the five-argument constructor.
     */
    public void holdForWarmup() {
        state.compareAndSet(StartState.WAITING, StartState.HELD);
    }

    /**
     * Ends the hold. If a health check has arrived (or the start mode is {@link StartMode#IMMEDIATE}), the ramp
     * starts now. If none has arrived yet with {@link StartMode#FIRST_CHECK}, the ramp starts at the first one,
     * as without a warm-up: the load balancer has not registered the instance yet, and ramp time spent before
     * that would be wasted.
     */
    public void warmupFinished() {
        while (true) {
            StartState current = state.get();
            if (!current.held) {
                return;
            }
            boolean startNow = current.checkSeen || startMode == StartMode.IMMEDIATE;
            StartState next = startNow ? StartState.startedAt(clock.nanoTime()) : StartState.WAITING;
            if (state.compareAndSet(current, next)) {
                if (startNow) {
                    Listeners.rampStarted(listener, current.firstPeer);
                }
                return;
            }
        }
    }

    /** The phase now; RAMPING turns into OPEN by the passing of time alone. */
    public Phase phase() {
        StartState start = state.get();
        if (!start.started) {
            return start.held && (start.checkSeen || startMode == StartMode.IMMEDIATE) ? Phase.WARMING : Phase.WAITING;
        }
        return isOpen() ? Phase.OPEN : Phase.RAMPING;
    }

    /** The ramp's percent now: 0 before it started, 100 once open. */
    public double currentPercent() {
        StartState start = state.get();
        if (!start.started) {
            return 0.0;
        }
        return start.skipped ? 100.0 : curve.percentAt(clock.nanoTime() - start.startNanos);
    }

    /** The clock reading at which the ramp started, or -1 when it has not started. */
    public long rampStartNanos() {
        StartState start = state.get();
        return start.started ? start.startNanos : -1L;
    }

    /** Distinct peers seen (tracked ones only, at most {@link #MAX_TRACKED_PEERS}). */
    public int peersSeen() {
        return peers.seen();
    }

    /** Tracked peers that are allowed now: all of them once the gate is open. */
    public int peersAllowed() {
        return phase() == Phase.OPEN ? peers.seen() : peers.allowed();
    }

    /** True while some tracked peer is denied and the gate is not open: cheap, for the per-request path. */
    public boolean hasDeniedPeers() {
        return peers.denied() > 0 && !isOpen();
    }

    /** Tracked peers that are denied now: none once the gate is open. */
    public int peersDenied() {
        return phase() == Phase.OPEN ? 0 : Math.max(0, peers.seen() - peers.allowed());
    }

    public RampCurve curve() {
        return curve;
    }

    public StartMode startMode() {
        return startMode;
    }
}
