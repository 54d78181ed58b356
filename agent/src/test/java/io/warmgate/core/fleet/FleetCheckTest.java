package io.warmgate.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.Phase;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FleetCheckTest {

    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** Answers from a table keyed by host:port; anything else is refused. */
    private SiblingProber table(Map<String, SiblingAnswer> answers) {
        return (host, port, path, timeoutMillis) -> {
            asked.add(host + ":" + port + path);
            SiblingAnswer answer = answers.get(host + ":" + port);
            return answer != null ? answer : SiblingAnswer.notOpen("connection refused");
        };
    }

    private static final AddressResolver NO_DNS = name -> {
        throw new UnknownHostException(name);
    };

    @Test
    void oneOpenSiblingIsEnough() {
        FleetCheck check = new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080"), FleetTarget.parse("10.0.0.6:8080")),
                null, 0, 500, table(Map.of("10.0.0.6:8080", SiblingAnswer.open("200"))), NO_DNS);
        FleetCheck.Verdict verdict = check.run("/shop/health");
        assertThat(verdict.anyOpen()).isTrue();
        assertThat(verdict.asked()).isEqualTo(2);
        assertThat(verdict.details()).isEqualTo("10.0.0.5:8080 connection refused, 10.0.0.6:8080 200");
        assertThat(asked).containsExactlyInAnyOrder("10.0.0.5:8080/shop/health", "10.0.0.6:8080/shop/health");
    }

    @Test
    void aConfiguredPathWinsOverTheLoadBalancersPath() {
        new FleetCheck(List.of(FleetTarget.parse("http://10.0.0.5:9000/manage/health")), null, 0, 500,
                table(Map.of()), NO_DNS).run("/health");
        assertThat(asked).containsExactly("10.0.0.5:9000/manage/health");
    }

    @Test
    void dnsNamesEveryInstance() {
        AddressResolver headless = name -> new String[] {"10.1.0.1", "10.1.0.2", "10.1.0.3"};
        FleetCheck.Verdict verdict = new FleetCheck(List.of(), "svc-headless", 8080, 500, table(Map.of()), headless)
                .run("/healthz");
        assertThat(verdict.anyOpen()).isFalse();
        assertThat(asked).containsExactlyInAnyOrder("10.1.0.1:8080/healthz", "10.1.0.2:8080/healthz",
                "10.1.0.3:8080/healthz");
    }

    @Test
    void aNameThatDoesNotResolveIsNoOpenSibling() {
        FleetCheck.Verdict verdict = new FleetCheck(List.of(), "missing", 8080, 500, table(Map.of()), NO_DNS)
                .run("/healthz");
        assertThat(verdict.anyOpen()).isFalse();
        assertThat(verdict.details()).contains("missing did not resolve", "no sibling to ask");
    }

    @Test
    void aSiblingThatHangsPastTheBoundCountsAsNoAnswer() {
        SiblingProber stuck = (host, port, path, timeoutMillis) -> {
            try {
                TimeUnit.SECONDS.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SiblingAnswer.open("too late");
        };
        long start = System.nanoTime();
        FleetCheck.Verdict verdict = new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080")), null, 0, 100, stuck,
                NO_DNS).run("/health");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(verdict.anyOpen()).isFalse();
        assertThat(verdict.details()).isEqualTo("10.0.0.5:8080 no answer in time");
        assertThat(tookMillis).as("bounded by the check, not by the sibling").isLessThan(30_000);
    }

    @Test
    void noOpenSiblingSkipsTheRampAndSaysWhy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, null);
        gate.check("10.0.0.9");
        FleetStartCheck start = new FleetStartCheck(new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080")), null,
                0, 500, table(Map.of("10.0.0.5:8080", SiblingAnswer.notOpen("503 phase=ramping"))), NO_DNS), gate, log);
        start.runAndAct("/health");
        assertThat(gate.phase()).isEqualTo(Phase.OPEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fleet check: no sibling instance is healthy and "
                + "open (10.0.0.5:8080 503 phase=ramping); the ramp is skipped");
    }

    @Test
    void anOpenSiblingLeavesTheRampRunning() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, null);
        gate.check("10.0.0.9");
        new FleetStartCheck(new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080")), null, 0, 500,
                table(Map.of("10.0.0.5:8080", SiblingAnswer.open("200"))), NO_DNS), gate, log).runAndAct("/health");
        assertThat(gate.phase()).isEqualTo(Phase.RAMPING);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the ramp starts at the next health check");
    }

    @Test
    void theGateIsHeldOnlyUntilTheVerdict() throws Exception {
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        SiblingProber slow = (host, port, path, timeoutMillis) -> {
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SiblingAnswer.open("200");
        };
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, null);
        FleetStartCheck check = new FleetStartCheck(new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080")), null,
                0, 5000, slow, NO_DNS), gate, new AgentLog(AgentLog.Level.OFF, System.err));

        assertThat(check.holdsTheGate("/health")).as("while the sibling has not answered").isTrue();
        assertThat(check.holdsTheGate("/health")).isTrue();
        answer.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.decided() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(check.holdsTheGate("/health")).as("after the verdict").isFalse();
        assertThat(gate.phase()).as("an open sibling: the ramp starts at the next check").isEqualTo(Phase.WAITING);
    }
}
