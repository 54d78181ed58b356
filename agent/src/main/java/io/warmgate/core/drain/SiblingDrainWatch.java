package io.warmgate.core.drain;

import io.warmgate.core.AgentLog;
import io.warmgate.core.fleet.FleetCheck;
import io.warmgate.core.fleet.FleetStartCheck;

/**
 * During a shutdown drain, asks the sibling instances ({@code fleet.peers} or {@code fleet.dns}) every
 * {@code intervalMillis} whether one of them serves every node (open, warm or not), and ends the drain as soon
 * as none does.
 *
 * <p>A drain helps only when the load balancer has another server to send the traffic to. When the whole fleet
 * is told to stop at once, every instance would hold its health checks at 503 while it could still serve, and the
 * load-balancer nodes would have no server at all until the drains end: a longer outage than stopping without the
 * agent. The siblings are asked again while the drain lasts because stop signals rarely arrive at the same
 * instant: an instance that sees its siblings still open at first sees them draining a moment later. Without a
 * fleet configured, nothing is asked and the drain runs as configured.
 *
 * <p>Runs on its own daemon thread ({@link #run}); never throws.
 */
public final class SiblingDrainWatch implements Runnable {

    private final Drain drain;
    private final FleetStartCheck fleet;
    private final long intervalMillis;
    private final AgentLog log;

    public SiblingDrainWatch(Drain drain, FleetStartCheck fleet, long intervalMillis, AgentLog log) {
        this.drain = drain;
        this.fleet = fleet;
        this.intervalMillis = intervalMillis;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            String healthPath = fleet.healthPath();
            if (healthPath == null) {
                // No load-balancer health check ever arrived (drain=on): nobody routes here by health, nothing to ask.
                return;
            }
            FleetCheck check = fleet.check();
            while (drain.state() == Drain.State.DRAINING_FOR_SHUTDOWN) {
                FleetCheck.Verdict verdict = check.run(healthPath);
                if (!verdict.anyServing()) {
                    drain.endForStoppingFleet(verdict.details());
                    return;
                }
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            log.warn("asking the siblings during the drain failed (" + failure + "); the drain runs to its end");
        }
    }
}
