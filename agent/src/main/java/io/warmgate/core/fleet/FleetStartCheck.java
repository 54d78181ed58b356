package io.warmgate.core.fleet;

import io.warmgate.core.AgentLog;
import io.warmgate.core.RampGate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link FleetCheck} once, when the first load-balancer health check starts the ramp (or the warm-up
 * that precedes it), on its own daemon thread, so that the health check itself is answered at once. The ramp
 * runs meanwhile; if no sibling is healthy and open, the gate opens to every node: in a whole-fleet restart,
 * holding nodes back would leave them with no server at all, which is worse than a cold server.
 */
public final class FleetStartCheck {

    private final FleetCheck check;
    private final RampGate gate;
    private final AgentLog log;
    private final AtomicBoolean started = new AtomicBoolean();

    public FleetStartCheck(FleetCheck check, RampGate gate, AgentLog log) {
        this.check = check;
        this.gate = gate;
        this.log = log;
    }

    /** Starts the check the first time it is called; later calls return at once. Never throws, never blocks. */
    public void startOnce(final String healthPath) {
        if (started.get() || !started.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    runAndAct(healthPath);
                }
            }, "warmgate-fleet");
            thread.setDaemon(true);
            // Started from an application request thread: do not pin the web application's class loader.
            thread.setContextClassLoader(null);
            thread.start();
        } catch (Throwable noThread) {
            log.warn("fleet check could not start its thread (" + noThread + "); ramping without it");
        }
    }

    /** The check and what follows from it; public for tests that run it on their own thread. */
    public void runAndAct(String healthPath) {
        try {
            FleetCheck.Verdict verdict = check.run(healthPath);
            if (verdict.anyOpen()) {
                log.info("fleet check: a sibling instance is healthy and open (" + verdict.details()
                        + "); ramping as usual");
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
        }
    }
}
