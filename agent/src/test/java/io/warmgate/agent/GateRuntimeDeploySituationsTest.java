package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.AgentLog;
import io.warmgate.core.FakeClock;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.KubeProbeMode;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.PeerBuckets;
import io.warmgate.core.Phase;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the runtime does with kubelet probes, siblings' fleet checks, business traffic and spread. */
class GateRuntimeDeploySituationsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
    private final RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(1000), 1.0, 0.0),
            RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, new GateEventLog(log));

    private GateRuntime runtime(KubeProbeMode kube, int failOpenAfter, boolean spread) {
        return new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), gate, null, log, null, null,
                new GateRuntime.Policy(kube, failOpenAfter, spread), null, null, new HandlerLog(log));
    }

    private static HealthRequest check(String remote, String userAgent, String fleetMarker) {
        return new HealthRequest("/health", remote, "10.0.4.2", 8080, null, null, userAgent, fleetMarker, "servlet",
                "Test", null);
    }

    private static String highBucketPeer() {
        for (int last = 2; last < 255; last++) {
            if (PeerBuckets.bucket(PeerBuckets.hash("10.0.0." + last)) >= 90) {
                return "10.0.0." + last;
            }
        }
        throw new AssertionError("no high bucket");
    }

    private String logged() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void kubeletProbesPassAndNeitherStartTheRampNorCount() {
        GateRuntime runtime = runtime(KubeProbeMode.PASS, 30, false);
        for (int i = 0; i < 3; i++) {
            assertThat(runtime.check(check(highBucketPeer(), "kube-probe/1.31", null))).isNull();
        }
        assertThat(gate.phase()).isEqualTo(Phase.WAITING);
        assertThat(gate.peersSeen()).isZero();
        assertThat(logged().split("kubelet probe seen", -1)).as("logged once").hasSize(2);
    }

    @Test
    void kubeProbeWarmupWithoutAWarmupIsPass() {
        GateRuntime runtime = runtime(KubeProbeMode.WARMUP, 30, false);
        assertThat(runtime.check(check(highBucketPeer(), "kube-probe/1.31", null))).isNull();
        assertThat(gate.phase()).isEqualTo(Phase.WAITING);
    }

    @Test
    void kubeProbeGateTreatsTheKubeletAsANode() {
        GateRuntime runtime = runtime(KubeProbeMode.GATE, 30, false);
        Denial denial = runtime.check(check(highBucketPeer(), "kube-probe/1.31", null));
        assertThat(denial).isNotNull();
        assertThat(gate.phase()).isEqualTo(Phase.RAMPING);
        assertThat(gate.peersSeen()).isEqualTo(1);
    }

    @Test
    void aSiblingsFleetCheckIsAnsweredByPhaseAndNeverCounted() {
        GateRuntime runtime = runtime(KubeProbeMode.PASS, 30, false);
        Denial waiting = runtime.check(check("10.0.0.60", "warmgate-fleet", "1"));
        assertThat(waiting.headerValue()).isEqualTo("phase=waiting; percent=0.0");
        assertThat(gate.phase()).as("a fleet check does not start the ramp").isEqualTo(Phase.WAITING);

        runtime.check(check(highBucketPeer(), null, null));
        Denial ramping = runtime.check(check("10.0.0.60", "warmgate-fleet", "1"));
        assertThat(ramping.headerValue()).startsWith("phase=ramping; percent=");
        assertThat(gate.peersSeen()).isEqualTo(1);

        gate.skipRamp();
        assertThat(runtime.check(check("10.0.0.60", "warmgate-fleet", "1")).headerValue())
                .as("opened without a ramp moments ago: serving, but cold").isEqualTo("phase=open; cold");
        assertThat(runtime.check(check(highBucketPeer(), null, null))).as("every node is let in").isNull();
    }

    @Test
    void aGateOpenedWithoutARampAnswersSiblingsColdForOneRampDurationThenOpen() {
        FakeClock clock = new FakeClock();
        RampGate skipped = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, clock, new GateEventLog(log));
        GateRuntime runtime = new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), skipped, null, log,
                null, null, new GateRuntime.Policy(KubeProbeMode.PASS, 30, false), null, null, new HandlerLog(log));
        skipped.skipRamp();
        clock.advance(59, TimeUnit.SECONDS);
        assertThat(runtime.check(check("10.0.0.60", "warmgate-fleet", "1")).headerValue())
                .isEqualTo("phase=open; cold");
        clock.advance(1, TimeUnit.SECONDS);
        assertThat(runtime.check(check("10.0.0.60", "warmgate-fleet", "1"))).as("one ramp's time later: warm enough")
                .isNull();
    }

    @Test
    void aGateOpenedByItsRampIsOpenForSiblings() {
        FakeClock clock = new FakeClock();
        RampGate ramped = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(1), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, clock, new GateEventLog(log));
        GateRuntime runtime = new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), ramped, null, log,
                null, null, new GateRuntime.Policy(KubeProbeMode.PASS, 30, false), null, null, new HandlerLog(log));
        runtime.check(check("10.0.0.2", null, null));
        clock.advance(2, TimeUnit.SECONDS);
        assertThat(runtime.check(check("10.0.0.60", "warmgate-fleet", "1"))).isNull();
    }

    @Test
    void businessTrafficIsWatchedOnlyWhileSomeNodeIsDenied() {
        GateRuntime runtime = runtime(KubeProbeMode.PASS, 3, false);
        assertThat(runtime.watchesBusiness()).as("no node denied yet").isFalse();
        String high = highBucketPeer();
        assertThat(runtime.check(check(high, null, null))).isNotNull();
        assertThat(runtime.watchesBusiness()).isTrue();
        for (int i = 0; i < 3; i++) {
            runtime.businessRequest(high, null, null);
        }
        assertThat(runtime.watchesBusiness()).as("the only denied node was let in").isFalse();
        assertThat(runtime.check(check(high, null, null))).isNull();
        assertThat(logged()).contains("peer " + high + " ", "allowed early: it sent 3 business requests");
    }

    @Test
    void failOpenOffNeverWatchesBusiness() {
        GateRuntime runtime = runtime(KubeProbeMode.PASS, 0, false);
        runtime.check(check(highBucketPeer(), null, null));
        assertThat(runtime.watchesBusiness()).isFalse();
    }

    @Test
    void spreadTakesTheInstanceFromTheFirstCheck() {
        GateRuntime runtime = runtime(KubeProbeMode.PASS, 30, true);
        runtime.check(check("10.0.0.9", null, null));
        assertThat(gate.spreadInstance()).isEqualTo("10.0.4.2:8080");
        assertThat(logged()).contains("spread=instance: peer buckets mix in this instance's address 10.0.4.2:8080");
    }
}
