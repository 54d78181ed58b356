package io.warmgate.core.fleet;

import io.warmgate.core.AgentLog;
import io.warmgate.core.AgentThreads;
import io.warmgate.core.RampGate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link FleetCheck} once, at the first load-balancer health check, on its own daemon thread, so that
 * the health check itself is answered at once. Until the siblings have answered, health checks are answered as
 * without the agent (see {@link #holdsTheGate}); then the ramp (or the warm-up before it) starts at the next
 * check if some sibling is healthy and open, and the gate opens to every node if none is: in a whole-fleet
 * restart, holding nodes back would leave them with no server at all, which is worse than a cold server.
 */
public final class FleetStartCheck {

    private final FleetCheck check;
    private final RampGate gate;
    private final AgentLog log;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Set when the check has reached its verdict (or could not run): from then on the gate decides alone. */
    private volatile boolean decided;
    /** The path of the first load-balancer health check, which siblings without a path of their own are asked. */
    private volatile String healthPath;

    public FleetStartCheck(FleetCheck check, RampGate gate, AgentLog log) {
        this.check = check;
        this.gate = gate;
        this.log = log;
    }

    /**
     * Starts the check at the first call, and answers whether the gate must stay out of the way: true while the
     * check runs. Never throws, never blocks; once the verdict is in, one volatile read.
     *
     * @param healthPath the path of the health check that asks, which the siblings are asked too
     */
    public boolean holdsTheGate(String healthPath) {
        if (decided) {
            return false;
        }
        startOnce(healthPath);
        return !decided;
    }

    /** True once the check has reached its verdict. */
    public boolean decided() {
        return decided;
    }

    /** Starts the check the first time it is called; later calls return at once. Never throws, never blocks. */
    public void startOnce(final String healthPath) {
        if (started.get() || !started.compareAndSet(false, true)) {
            return;
        }
        this.healthPath = healthPath;
        try {
            AgentThreads.startDaemon(new Runnable() {
                @Override
                public void run() {
                    runAndAct(healthPath);
                }
            }, "warmgate-fleet");
        } catch (Throwable noThread) {
            decided = true;
            log.warn("fleet check could not start its thread (" + noThread + "); ramping without it");
        }
    }

    /** The check itself, for asking the siblings again later (the drain at shutdown does). */
    public FleetCheck check() {
        return check;
    }

    /** The path of the first load-balancer health check, or null before one arrived. */
    public String healthPath() {
        return healthPath;
    }

    /** The check and what follows from it; public for tests that run it on their own thread. */
    public void runAndAct(String healthPath) {
        try {
            FleetCheck.Verdict verdict = check.run(healthPath);
            if (verdict.anyOpen()) {
                log.info("fleet check: a sibling instance is healthy and open (" + verdict.details()
                        + "); the ramp starts at the next health check");
            } else if (gate.skipRamp()) {
                log.info("fleet check: no sibling instance is healthy and open (" + verdict.details() + "); the "
                        + "ramp is skipped and every load-balancer node is let in now, because nodes held back "
                        + "would have no server at all");
            } else {
                log.info("fleet check: no sibling instance is healthy and open (" + verdict.details() + "); the "
                        + "gate was already open");
            }
        } catch (Throwable failure) {
            log.warn("fleet check failed (" + failure + "); ramping without it");
        } finally {
            decided = true;
        }
    }
}
