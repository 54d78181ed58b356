package io.warmgate.bench.jmh;

import io.warmgate.agent.Gatekeepers;
import io.warmgate.core.AgentLog;
import io.warmgate.bridge.GateBridge;
import io.warmgate.core.GateListener;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to a request that is NOT a health check: the servlet advice asks
 * {@code GateBridge.isGated(path)}, which asks the path matcher, and the request goes on untouched. Measured on
 * business paths (short and long) and, for comparison, on a health path. {@link #matcherOnly} is the matcher
 * without the bridge's volatile read and null checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathCheckBenchmark {

    private static final AgentLog QUIET = new AgentLog(AgentLog.Level.OFF, System.err);

    @Param({"/shop/api/items", "/api/v2/customers/4711/orders/42/items", "/shop/health"})
    public String path;

    private HealthPathMatcher matcher;

    @Setup
    public void setUp() {
        // The agent's default configuration: health words detected, no extra or excluded paths.
        matcher = new HealthPathMatcher(true, null, null);
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, GateListener.NONE);
        if (!GateBridge.install(Gatekeepers.of(matcher, gate, QUIET))) {
            throw new IllegalStateException("a gatekeeper was already installed in this JVM");
        }
    }

    @Benchmark
    public boolean bridgeIsGated() {
        return GateBridge.isGated(path);
    }

    @Benchmark
    public boolean matcherOnly() {
        return matcher.isGated(path);
    }
}
