package io.warmgate.core.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.GateListener;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.fleet.AddressResolver;
import io.warmgate.core.fleet.FleetCheck;
import io.warmgate.core.fleet.FleetStartCheck;
import io.warmgate.core.fleet.FleetTarget;
import io.warmgate.core.fleet.SiblingAnswer;
import io.warmgate.core.fleet.SiblingProber;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The drain asks the siblings while it lasts, and ends as soon as none of them is healthy and open. */
class SiblingDrainWatchTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO,
            new PrintStream(logged, true, StandardCharsets.UTF_8));
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private Drain drainingForShutdown() {
        Drain drain = new Drain(DrainMode.ON, TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(20),
                MonotonicClock.SYSTEM, log);
        assertThat(drain.onSignal()).isEqualTo(Drain.SignalAction.DRAIN);
        return drain;
    }

    private FleetStartCheck fleet(SiblingProber prober, boolean healthCheckSeen) throws InterruptedException {
        SiblingProber recording = (host, port, path, timeoutMillis) -> {
            asked.add(host + ":" + port + path);
            return prober.probe(host, port, path, timeoutMillis);
        };
        FleetCheck check = new FleetCheck(List.of(FleetTarget.parse("10.0.0.5:8080"),
                FleetTarget.parse("10.0.0.6:8080")), null, 0, 200, recording, AddressResolver.SYSTEM);
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(60), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, GateListener.NONE);
        FleetStartCheck fleet = new FleetStartCheck(check, gate, log);
        if (healthCheckSeen) {
            fleet.startOnce("/shop/health"); // what the first health check does: the start-up check, on its thread
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!fleet.decided() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(fleet.decided()).isTrue();
        }
        asked.clear();
        return fleet;
    }

    @Test
    void siblingsThatAreAllDrainingEndTheDrainAtOnce() throws InterruptedException {
        Drain drain = drainingForShutdown();
        new SiblingDrainWatch(drain, fleet((h, p, path, t) -> SiblingAnswer.notOpen("503 phase=draining"), true),
                10, log).run();

        assertThat(drain.state()).isEqualTo(Drain.State.SHUTTING_DOWN);
        assertThat(asked).containsExactlyInAnyOrder("10.0.0.5:8080/shop/health", "10.0.0.6:8080/shop/health");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("drain finished: no sibling instance serves "
                + "every node (10.0.0.5:8080 503 phase=draining, 10.0.0.6:8080 503 phase=draining)");
    }

    @Test
    void theDrainGoesOnWhileOneSiblingIsOpenAndEndsWhenItStopsToo() throws Exception {
        Drain drain = drainingForShutdown();
        AtomicBoolean sixOpen = new AtomicBoolean(true);
        SiblingProber prober = (host, port, path, t) -> host.equals("10.0.0.6") && sixOpen.get()
                ? SiblingAnswer.open("200") : SiblingAnswer.notOpen("connection refused");
        Thread watch = new Thread(new SiblingDrainWatch(drain, fleet(prober, true), 10, log));
        watch.start();
        Thread.sleep(100);
        assertThat(drain.state()).as("a sibling still serves: the drain is what moves the traffic there")
                .isEqualTo(Drain.State.DRAINING_FOR_SHUTDOWN);
        assertThat(asked.size()).as("asked again while the drain lasts").isGreaterThan(2);

        sixOpen.set(false);
        watch.join(5_000);
        assertThat(watch.isAlive()).isFalse();
        assertThat(drain.state()).isEqualTo(Drain.State.SHUTTING_DOWN);
        assertThat(drain.awaitEnd(DrainWaiter.SYSTEM)).isEqualTo(Drain.End.FLEET_STOPPING);
    }

    @Test
    void aSiblingThatOpenedColdStillTakesTheTraffic() throws Exception {
        Drain drain = drainingForShutdown();
        Thread watch = new Thread(new SiblingDrainWatch(drain, fleet((h, p, path, t) -> h.equals("10.0.0.5")
                ? SiblingAnswer.openButCold("503 phase=open; cold") : SiblingAnswer.notOpen("refused"), true), 10, log));
        watch.setDaemon(true);
        watch.start();
        Thread.sleep(100);
        assertThat(drain.state()).isEqualTo(Drain.State.DRAINING_FOR_SHUTDOWN);
        drain.onSignal(); // a second SIGTERM ends it, and with it the watch
        watch.join(5_000);
        assertThat(watch.isAlive()).isFalse();
    }

    @Test
    void withoutAnyHealthCheckNothingIsAskedAndTheDrainRunsAsConfigured() throws InterruptedException {
        Drain drain = drainingForShutdown();
        new SiblingDrainWatch(drain, fleet((h, p, path, t) -> SiblingAnswer.notOpen("refused"), false), 10, log)
                .run();

        assertThat(asked).isEmpty();
        assertThat(drain.state()).isEqualTo(Drain.State.DRAINING_FOR_SHUTDOWN);
    }

    @Test
    void aDrainOnDemandIsNeverEndedByTheSiblings() throws InterruptedException {
        Drain drain = new Drain(DrainMode.AUTO, TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(20),
                MonotonicClock.SYSTEM, log);
        assertThat(drain.startOnDemand()).isTrue();
        new SiblingDrainWatch(drain, fleet((h, p, path, t) -> SiblingAnswer.notOpen("refused"), true), 10, log)
                .run();

        assertThat(drain.state()).as("an operator asked for it; only undrain ends it")
                .isEqualTo(Drain.State.DRAINING);
        assertThat(drain.endForStoppingFleet("none")).isFalse();
    }
}
