package io.warmgate.bench.jmh;

import io.warmgate.agent.BenchGatekeepers;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.Decision;
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
 * The cost of deciding one health check.
 *
 * <ul>
 *   <li>{@link #rampGateCheck}: the core decision alone, {@code RampGate.check(peer)}: clock read, ramp percent,
 *       murmur3 hash of the peer's address, bucket, per-peer bookkeeping.</li>
 *   <li>{@link #bridgeHealthCheck}: everything the servlet advice calls for a health check, through the boot
 *       class path bridge: {@code GateBridge.isGated(path)}, then {@code GateBridge.check(...)} into the agent's
 *       real GateRuntime (peer address canonicalisation, the decision, and the denial's header and body).</li>
 * </ul>
 * Phases: {@code ramping} (half-way through a one-hour ramp, so about half the nodes are allowed and half denied,
 * and it stays that way for the whole run) and {@code open} (after the ramp: the fast path every health check
 * takes for the rest of the JVM's life). Peers rotate over ten node addresses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GateDecisionBenchmark {

    static final String HEALTH_PATH = "/shop/health";
    static final String HANDLER = "servlet io.warmgate.samples.tomcat.HealthServlet";
    private static final long ONE_HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    @Param({"ramping", "open"})
    public String phase;

    private RampGate gate;
    private int next;

    @Setup
    public void setUp() {
        boolean open = phase.equals("open");
        // The clock runs half an hour ahead of the first check, so the ramp sits at about 50 % for the run.
        long shift = open ? 2 * ONE_HOUR_NANOS : ONE_HOUR_NANOS / 2;
        long[] firstReading = {Long.MIN_VALUE};
        MonotonicClock clock = new MonotonicClock() {
            @Override
            public long nanoTime() {
                long now = System.nanoTime();
                if (firstReading[0] == Long.MIN_VALUE) {
                    firstReading[0] = now; // the ramp's start
                    return now;
                }
                return now + shift;
            }
        };
        gate = new RampGate(new RampCurve(ONE_HOUR_NANOS, 1.0, 0.0), RampGate.StartMode.FIRST_CHECK, clock,
                GateListener.NONE);
        gate.check(LbNodes.ADDRESSES[0]); // starts the ramp
        if (!GateBridge.install(BenchGatekeepers.gateRuntime(new HealthPathMatcher(true, null, null), gate))) {
            throw new IllegalStateException("a gatekeeper was already installed in this JVM");
        }
    }

    private String nextPeer() {
        String peer = LbNodes.ADDRESSES[next];
        next = next + 1 == LbNodes.ADDRESSES.length ? 0 : next + 1;
        return peer;
    }

    @Benchmark
    public Decision rampGateCheck() {
        return gate.check(nextPeer());
    }

    @Benchmark
    public Denial bridgeHealthCheck() {
        String peer = nextPeer();
        if (!GateBridge.isGated(HEALTH_PATH)) {
            throw new IllegalStateException(HEALTH_PATH + " is not gated");
        }
        // The advice builds one request object per health check; that is part of the cost measured here.
        return GateBridge.check(new HealthRequest(HEALTH_PATH, peer, "127.0.0.1", 8080, null, null, null, null,
                HANDLER));
    }
}
