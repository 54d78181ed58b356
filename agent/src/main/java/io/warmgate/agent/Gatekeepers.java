package io.warmgate.agent;

import io.warmgate.bridge.HealthGatekeeper;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.RampGate;

/**
 * The public way to get the agent's own gatekeeper, the object advice reaches through {@code GateBridge}, outside
 * the agent's start-up: for benchmarks that time exactly the code a health check runs, and for tests.
 */
public final class Gatekeepers {

    private Gatekeepers() {
    }

    /** The gatekeeper the agent builds, for these path rules and this gate: socket-address peers, the defaults. */
    public static HealthGatekeeper of(HealthPathMatcher paths, RampGate gate, AgentLog log) {
        return new GateRuntime(paths, gate, null, log);
    }
}
