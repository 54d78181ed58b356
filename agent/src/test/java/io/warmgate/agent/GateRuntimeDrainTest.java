package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.drain.ShutdownDrain;
import io.warmgate.agent.jmx.GateStatus;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.drain.Drain;
import io.warmgate.core.drain.DrainMode;
import io.warmgate.core.warmup.WarmupProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the runtime and the MBean do while a drain is on. Drains here are started on demand with drain=off, so
 * that no test installs a SIGTERM handler in the test JVM (the integration tests send real signals).
 */
class GateRuntimeDrainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
    /** A ramp that is over at once: without a drain every check is allowed. */
    private final RampGate gate = new RampGate(new RampCurve(1L, 1.0, 0.0), RampGate.StartMode.IMMEDIATE,
            MonotonicClock.SYSTEM, new GateEventLog(log));
    private ShutdownDrain drain = drainWithKubelet(true);
    private GateRuntime runtime = runtime();

    private ShutdownDrain drainWithKubelet(boolean drainKubelet) {
        return new ShutdownDrain(new Drain(DrainMode.OFF, TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(20),
                MonotonicClock.SYSTEM, log), drainKubelet, log);
    }

    private GateRuntime runtime() {
        return new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), gate, null, log, null, null,
                new GateRuntime.Policy(KubeProbeMode.PASS, 30, false), null, drain, new HandlerLog(log));
    }

    private static HealthRequest check(String remote, String userAgent, String fleetMarker) {
        return new HealthRequest("/health", remote, "10.0.4.2", 8080, null, null, userAgent, fleetMarker, "servlet",
                "Test", null);
    }

    @AfterEach
    void undrain() {
        drain.undrainOnDemand(); // ends the watcher thread
    }

    @Test
    void whileDrainingEveryNodeIsDeniedWithPhaseDraining() {
        assertThat(runtime.check(check("10.0.0.1", null, null))).isNull();
        assertThat(drain.drainOnDemand()).startsWith("draining:");
        for (String peer : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "::1")) {
            Denial denial = runtime.check(check(peer, "ELB-HealthChecker/2.0", null));
            assertThat(denial).as(peer).isNotNull();
            assertThat(denial.headerValue()).isEqualTo("phase=draining");
            assertThat(denial.body()).isEqualTo(
                    "warmgate: this instance is draining; it is not healthy for any load balancer node\n");
        }
        assertThat(drain.undrainOnDemand()).startsWith("undrained:");
        assertThat(runtime.check(check("10.0.0.2", null, null))).isNull();
    }

    @Test
    void kubeletProbesAreDrainedTooUnlessDrainKubeProbeIsPass() {
        drain.drainOnDemand();
        assertThat(runtime.check(check("10.0.0.9", "kube-probe/1.31", null))).isNotNull();
        drain.undrainOnDemand();

        drain = drainWithKubelet(false);
        runtime = runtime();
        drain.drainOnDemand();
        assertThat(runtime.check(check("10.0.0.9", "kube-probe/1.31", null))).isNull();
        assertThat(runtime.check(check("10.0.0.8", null, null))).isNotNull();
    }

    @Test
    void aSiblingsFleetCheckHearsDraining() {
        drain.drainOnDemand();
        Denial denial = runtime.check(check("10.0.0.60", null, "1"));
        assertThat(denial).isNotNull();
        assertThat(denial.headerValue()).isEqualTo("phase=draining");
    }

    @Test
    void businessRequestsAreWatchedWhileDrainingEvenAfterTheGateSettled() {
        runtime.check(check("10.0.0.1", null, null));
        assertThat(runtime.watchesBusiness()).as("open gate: one volatile read, nothing watched").isFalse();
        drain.drainOnDemand();
        assertThat(runtime.watchesBusiness()).isTrue();
        runtime.businessRequest("10.0.0.1", null, null);
        runtime.businessRequest("10.0.0.2", null, null);
        assertThat(drain.drain().businessRequests()).isEqualTo(2);
        drain.undrainOnDemand();
        assertThat(runtime.watchesBusiness()).isFalse();
    }

    @Test
    void theMBeanShowsTheDrainAndStartsAndEndsIt() {
        GateStatus status = new GateStatus(gate, WarmupProgress.off(), MonotonicClock.SYSTEM, drain);
        assertThat(status.getPhase()).isEqualTo("open");
        assertThat(status.getDrainState()).isEqualTo("idle");
        assertThat(status.getDrainSeconds()).isEqualTo(-1.0);
        assertThat(status.getDrainQuietSeconds()).isEqualTo(-1.0);
        assertThat(status.getDrainQuietSetting()).isEqualTo(5.0);
        assertThat(status.undrain()).isEqualTo("not undrained: no drain is on");

        assertThat(status.drain()).startsWith("draining:");
        assertThat(status.drain()).isEqualTo("not started: the drain is draining already");
        assertThat(status.getPhase()).isEqualTo("draining");
        assertThat(status.getDrainState()).isEqualTo("draining");
        runtime.businessRequest("10.0.0.1", null, null);
        assertThat(status.getDrainBusinessRequests()).isEqualTo(1);
        assertThat(status.getDrainSeconds()).isGreaterThanOrEqualTo(0.0);
        assertThat(status.getDrainQuietSeconds()).isGreaterThanOrEqualTo(0.0);

        assertThat(status.undrain()).isEqualTo("undrained: health checks are answered as before (1 business "
                + "requests arrived during the drain)");
        assertThat(status.getPhase()).isEqualTo("open");
        assertThat(status.getDrainState()).isEqualTo("idle");
    }
}
