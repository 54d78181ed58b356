package io.warmgate.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gate: decides each health check from the peer's bucket and the ramp's percent at that moment.
 *
 * <p>Thread-safe and lock-free: health checks arrive on many server threads at once. The start of the ramp is
 * one immutable {@link StartState} swapped in by compare-and-set, so exactly one thread starts it and every
 * other thread sees the same start time. After the ramp is over a check costs one clock read and returns a
 * shared decision.
 *
 * <p>A {@link RampHold} (the guard) can make the ramp's clock stand still: while it holds, elapsed ramp time stops
 * advancing, so the percent stops growing and no new node is let in, while nodes already allowed stay allowed. The
 * pauses are part of the same immutable state, so they too change by compare-and-set, and their total is bounded
 * by {@link RampHold#maxExtendNanos()}, after which the ramp goes on by the clock.
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

    /** Whether and when the ramp started, and how long it stood still. Immutable, so one compare-and-set publishes all of it. */
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
        /** Time the ramp stood still in pauses that have ended. */
        final long pausedNanos;
        /** True while the ramp stands still, since {@link #pausedSince}. */
        final boolean paused;
        final long pausedSince;
        /** Pauses so far, the current one included. */
        final int pauses;
        /** The hold used up its bound: the ramp goes on by the clock, and the hold is no longer asked. */
        final boolean holdSpent;

        private StartState(boolean started, boolean held, boolean checkSeen, long startNanos, String firstPeer,
                boolean skipped) {
            this(started, held, checkSeen, startNanos, firstPeer, skipped, 0L, false, 0L, 0, false);
        }

        private StartState(boolean started, boolean held, boolean checkSeen, long startNanos, String firstPeer,
                boolean skipped, long pausedNanos, boolean paused, long pausedSince, int pauses, boolean holdSpent) {
            this.started = started;
            this.held = held;
            this.checkSeen = checkSeen;
            this.startNanos = startNanos;
            this.firstPeer = firstPeer;
            this.skipped = skipped;
            this.pausedNanos = pausedNanos;
            this.paused = paused;
            this.pausedSince = pausedSince;
            this.pauses = pauses;
            this.holdSpent = holdSpent;
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

        StartState pausedAt(long now) {
            return new StartState(started, held, checkSeen, startNanos, firstPeer, skipped, pausedNanos, true, now,
                    pauses + 1, false);
        }

        StartState resumedAt(long now) {
            return new StartState(started, held, checkSeen, startNanos, firstPeer, skipped,
                    pausedNanos + (now - pausedSince), false, 0L, pauses, false);
        }

        StartState spent(long maxHoldNanos) {
            return new StartState(started, held, checkSeen, startNanos, firstPeer, skipped, maxHoldNanos, false, 0L,
                    pauses, true);
        }

        /** Time the ramp has stood still by {@code now}, the current pause included, not bounded. */
        long standingNanos(long now) {
            return pausedNanos + (paused ? now - pausedSince : 0L);
        }

        /** Ramp time at {@code now}: the time since the start less the pauses, which count up to the bound. */
        long rampElapsed(long now, long maxHoldNanos) {
            return now - startNanos - Math.min(standingNanos(now), maxHoldNanos);
        }
    }

    private final RampCurve curve;
    private final StartMode startMode;
    private final MonotonicClock clock;
    private final GateListener listener;
    private final PeerTracker peers;
    private final AtomicReference<StartState> state;
    private final AtomicBoolean finishReported = new AtomicBoolean();
    /** Every decision counts once: the MBean shows it, and it proves a request is not decided twice. */
    private final LongAdder decisions = new LongAdder();
    private final RampHold hold;
    private final long maxHoldNanos;
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
        this(curve, startMode, clock, listener, holdForWarmup, RampHold.NONE);
    }

    /**
     * Like the five-argument constructor, with a {@code hold} (the guard) that can make the ramp's clock stand
     * still; {@link RampHold#NONE} for a ramp by the clock alone.
     */
    public RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener,
            boolean holdForWarmup, RampHold hold) {
        this(curve, startMode, clock, listener, holdForWarmup, MAX_TRACKED_PEERS, hold);
    }

    RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener,
            boolean holdForWarmup, int maxTrackedPeers) {
        this(curve, startMode, clock, listener, holdForWarmup, maxTrackedPeers, RampHold.NONE);
    }

    private RampGate(RampCurve curve, StartMode startMode, MonotonicClock clock, GateListener listener,
            boolean holdForWarmup, int maxTrackedPeers, RampHold hold) {
        if (curve == null || startMode == null || clock == null) {
            throw new NullPointerException("curve, startMode and clock are required");
        }
        this.curve = curve;
        this.startMode = startMode;
        this.clock = clock;
        this.listener = listener == null ? GateListener.NONE : listener;
        this.peers = new PeerTracker(maxTrackedPeers);
        this.hold = hold == null ? RampHold.NONE : hold;
        this.maxHoldNanos = Math.max(0L, this.hold.maxExtendNanos());
        if (holdForWarmup) {
            state = new AtomicReference<StartState>(StartState.HELD);
        } else if (startMode == StartMode.IMMEDIATE) {
            state = new AtomicReference<StartState>(StartState.startedAt(clock.nanoTime()));
            rampStarted(null);
        } else {
            state = new AtomicReference<StartState>(StartState.WAITING);
        }
    }

    /**
     * Decides one health check from an already canonical peer address ({@link PeerAddresses#canonicalize}).
     * Allowed iff the peer's bucket is at most the ramp's current percent; once allowed, always allowed.
     */
    public Decision check(String peer) {
        decisions.increment();
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
                rampStarted(address);
                start = started;
            } else {
                start = state.get(); // another thread started the ramp (or a hold began); use its state
            }
        }
        long now = clock.nanoTime();
        if (isOver(start, now)) {
            reportFinishOnce(start, now);
            return Decision.OPEN;
        }
        if (hold != RampHold.NONE && !start.holdSpent) {
            start = steer(start, now);
        }
        double percent = curve.percentAt(start.rampElapsed(now, maxHoldNanos));
        int hash = hashOf(address);
        int bucket = PeerBuckets.bucket(hash);
        boolean allowed = peers.record(address, hash, bucket, percent, bucket <= percent, listener);
        return new Decision(allowed, Phase.RAMPING, percent, bucket, hash);
    }

    private void rampStarted(String firstPeer) {
        hold.rampStarted();
        Listeners.rampStarted(listener, firstPeer);
    }

    private boolean isOver(StartState start, long now) {
        return start.skipped || start.rampElapsed(now, maxHoldNanos) >= curve.durationNanos();
    }

    /**
     * Pauses or resumes the ramp's clock as the hold says, or ends the holding once its bound is used up. Returns
     * the state in force afterwards.
     */
    private StartState steer(StartState start, long now) {
        GuardReading reading = hold.reading(now);
        while (!start.holdSpent) {
            StartState next;
            if (start.standingNanos(now) >= maxHoldNanos) {
                next = start.spent(maxHoldNanos);
            } else if (reading.holding() && !start.paused) {
                next = start.pausedAt(now);
            } else if (!reading.holding() && start.paused) {
                next = start.resumedAt(now);
            } else {
                return start;
            }
            if (state.compareAndSet(start, next)) {
                announce(start, next, reading, now);
                return next;
            }
            start = state.get();
        }
        return start;
    }

    private void announce(StartState before, StartState after, GuardReading reading, long now) {
        double percent = curve.percentAt(after.rampElapsed(now, maxHoldNanos));
        if (after.holdSpent) {
            hold.rampOver();
            Listeners.holdSpent(listener, percent, maxHoldNanos, reading);
        } else if (after.paused) {
            Listeners.rampPaused(listener, percent, after.pauses, reading);
        } else {
            Listeners.rampResumed(listener, percent, after.pausedNanos - before.pausedNanos, reading);
        }
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
            if (current.started && isOver(current, clock.nanoTime())) {
                return false;
            }
            if (state.compareAndSet(current, StartState.skippedAt(clock.nanoTime()))) {
                finishReported.set(true);
                hold.rampOver();
                return true;
            }
        }
    }

    /**
     * True when the ramp was skipped ({@link #skipRamp}) less than one ramp duration ago: the gate is open, but the
     * instance has had no more time to warm than one that ramps, so siblings must not take it for a warm server.
     */
    public boolean skippedRecently() {
        StartState start = state.get();
        return start.skipped && clock.nanoTime() - start.startNanos < curve.durationNanos();
    }

    /** True once every peer is allowed: the ramp is over, or was skipped. */
    public boolean isOpen() {
        StartState start = state.get();
        return start.started && isOver(start, clock.nanoTime());
    }

    private void reportFinishOnce(StartState start, long now) {
        if (finishReported.get() || !finishReported.compareAndSet(false, true)) {
            return;
        }
        hold.rampOver();
        Listeners.rampFinished(listener, now - start.startNanos, Math.min(start.standingNanos(now), maxHoldNanos),
                start.pauses, peers.seen(), peers.allowed());
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
                    rampStarted(current.firstPeer);
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
        return start.skipped ? 100.0 : curve.percentAt(start.rampElapsed(clock.nanoTime(), maxHoldNanos));
    }

    /** True while the ramp's clock stands still (the guard holds it). */
    public boolean isPaused() {
        StartState start = state.get();
        return start.paused && !isOver(start, clock.nanoTime())
                && start.standingNanos(clock.nanoTime()) < maxHoldNanos;
    }

    /** How long the ramp has stood still so far, within its bound; 0 without a hold. */
    public long pausedNanos() {
        StartState start = state.get();
        return start.started ? Math.min(start.standingNanos(clock.nanoTime()), maxHoldNanos) : 0L;
    }

    /** How many times the ramp was paused. */
    public int pauses() {
        return state.get().pauses;
    }

    /** True once the hold used up {@link RampHold#maxExtendNanos()} and the ramp went on by the clock. */
    public boolean holdSpent() {
        return state.get().holdSpent;
    }

    /** The clock reading at which the ramp started, or -1 when it has not started. */
    public long rampStartNanos() {
        StartState start = state.get();
        return start.started ? start.startNanos : -1L;
    }

    /** Distinct peers seen (tracked ones only, at most {@link #MAX_TRACKED_PEERS}). */
    /** Health checks decided so far ({@link #check} calls): one per request, however many layers it passed. */
    public long decisions() {
        return decisions.sum();
    }

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
