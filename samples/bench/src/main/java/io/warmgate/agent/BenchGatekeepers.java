package io.warmgate.agent;

import io.warmgate.bridge.HealthGatekeeper;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.RampGate;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Gives the JMH benchmarks the agent's real {@link GateRuntime}, the object the advice reaches through
 * {@code GateBridge}, so the benchmarks time the exact code a health check runs rather than a copy of it.
 *
 * <p>GateRuntime is package-private by design (nothing outside the agent should build one), so this class lives
 * in the same package, in the bench module only. It picks the constructor by parameter types and passes null
 * for anything it does not know (such as an optional warm-up), so a new optional collaborator in GateRuntime does
 * not break the benchmark build.
 */
public final class BenchGatekeepers {

    private BenchGatekeepers() {
    }

    /** The runtime as the agent builds it: the given path matcher and gate, socket-address peers, no log output. */
    public static HealthGatekeeper gateRuntime(HealthPathMatcher paths, RampGate gate) {
        AgentLog quiet = new AgentLog(AgentLog.Level.OFF, System.err);
        Exception last = null;
        Constructor<?>[] constructors = GateRuntime.class.getDeclaredConstructors();
        // The one with the fewest parameters first: it is the plain runtime, without optional collaborators.
        Arrays.sort(constructors, Comparator.comparingInt(Constructor::getParameterCount));
        for (Constructor<?> constructor : constructors) {
            Class<?>[] types = constructor.getParameterTypes();
            Object[] arguments = new Object[types.length];
            boolean hasPaths = false;
            boolean hasGate = false;
            for (int i = 0; i < types.length; i++) {
                if (types[i] == HealthPathMatcher.class) {
                    arguments[i] = paths;
                    hasPaths = true;
                } else if (types[i] == RampGate.class) {
                    arguments[i] = gate;
                    hasGate = true;
                } else if (types[i] == AgentLog.class) {
                    arguments[i] = quiet;
                } else if (types[i] == boolean.class) {
                    arguments[i] = false;
                } else if (types[i] == int.class) {
                    arguments[i] = 0;
                } else if (types[i] == long.class) {
                    arguments[i] = 0L;
                } else if (types[i].isPrimitive()) {
                    arguments[i] = null; // leads to an IllegalArgumentException below: try the next constructor
                }
            }
            if (!hasPaths || !hasGate) {
                continue;
            }
            try {
                constructor.setAccessible(true);
                return (HealthGatekeeper) constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no usable GateRuntime constructor", last);
    }
}
