package io.warmgate.core.drain;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long QUIET = SECONDS.toNanos(5);
    private static final long TIMEOUT = SECONDS.toNanos(20);

    private final FakeClock clock = new FakeClock();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO,
            new PrintStream(logged, true, StandardCharsets.UTF_8));
    private final ScriptedWaiter waiter = new ScriptedWaiter(clock);

    private Drain drain(DrainMode mode) {
        return new Drain(mode, QUIET, TIMEOUT, clock, log);
    }

    private List<String> logLines() {
        String text = logged.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    /** Runs the watcher to the end and returns how long, on the fake clock, it took. */
    private long secondsUntilEnd(Drain drain, Drain.End expected) throws InterruptedException {
        long start = clock.nanoTime();
        assertThat(drain.awaitEnd(waiter)).isEqualTo(expected);
        return SECONDS.convert(clock.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Test
    void autoPassesSigtermOnAtOnceWhenNoHealthCheckWasEverSeen() {
        Drain drain = drain(DrainMode.AUTO);
        assertThat(drain.onSignal()).isEqualTo(Drain.SignalAction.PASS_ON);
        assertThat(drain.isDraining()).isFalse();
        assertThat(logLines()).containsExactly("[warmgate] SIGTERM: no drain, because no health check was ever seen, "
                + "so no load balancer routes here (drain=auto); shutdown proceeds");
    }

    @Test
    void autoDrainsWhenAHealthCheckArrivedWithinTheLastMinute() {
        Drain drain = drain(DrainMode.AUTO);
        drain.healthCheckSeen();
        clock.advance(60, SECONDS);
        assertThat(drain.onSignal()).isEqualTo(Drain.SignalAction.DRAIN);
        assertThat(drain.isDraining()).isTrue();
        assertThat(drain.state()).isEqualTo(Drain.State.DRAINING_FOR_SHUTDOWN);
        assertThat(logLines()).singleElement().asString().startsWith("[warmgate] drain started on SIGTERM")
                .contains("5s (drain.quiet)", "20s (drain.timeout)");
    }

    @Test
    void autoPassesSigtermOnWhenTheLastHealthCheckIsOlderThanAMinute() {
        Drain drain = drain(DrainMode.AUTO);
        drain.healthCheckSeen();
        clock.advance(61, SECONDS);
        assertThat(drain.onSignal()).isEqualTo(Drain.SignalAction.PASS_ON);
        assertThat(logLines()).singleElement().asString().contains("the last health check was 61.0s ago");
    }

    @Test
    void onDrainsWithoutAnyHealthCheckAndOffNeverDrains() {
        assertThat(drain(DrainMode.ON).onSignal()).isEqualTo(Drain.SignalAction.DRAIN);
        Drain off = drain(DrainMode.OFF);
        off.healthCheckSeen();
        assertThat(off.onSignal()).isEqualTo(Drain.SignalAction.PASS_ON);
        assertThat(off.isDraining()).isFalse();
        assertThat(logLines()).last().asString().contains("no drain, drain=off");
    }

    @Test
    void withoutBusinessTrafficTheDrainEndsAfterQuiet() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.onSignal();
        assertThat(secondsUntilEnd(drain, Drain.End.QUIET)).isEqualTo(5);
        assertThat(logLines()).last().asString().isEqualTo("[warmgate] drain finished: no business request for 5s "
                + "(drain.quiet), 5.0s after the drain started; 0 business requests arrived during the drain; "
                + "shutdown proceeds");
    }

    @Test
    void quietCountsFromTheLastBusinessRequest() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.onSignal();
        waiter.every(1, SECONDS, 3, drain::businessRequest);
        assertThat(secondsUntilEnd(drain, Drain.End.QUIET)).isEqualTo(3 + 5);
        assertThat(drain.businessRequests()).isEqualTo(3);
        assertThat(logLines()).last().asString().contains("8.0s after the drain started; 3 business requests");
    }

    @Test
    void trafficThatNeverStopsEndsTheDrainAtTheTimeout() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.onSignal();
        waiter.every(500, MILLISECONDS, 1000, drain::businessRequest);
        assertThat(secondsUntilEnd(drain, Drain.End.TIMEOUT)).isEqualTo(20);
        assertThat(drain.businessRequests()).isEqualTo(40);
        assertThat(logLines()).last().asString().startsWith("[warmgate] drain finished: drain.timeout (20s) reached "
                + "while business requests still arrived (the last one 0.0s ago), 20.0s after");
    }

    @Test
    void aSecondSigtermEndsTheDrainAtOnce() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.onSignal();
        Drain.SignalAction[] second = new Drain.SignalAction[1];
        waiter.every(500, MILLISECONDS, 100, drain::businessRequest)
                .at(2, SECONDS, () -> second[0] = drain.onSignal());
        assertThat(secondsUntilEnd(drain, Drain.End.SECOND_SIGNAL)).isEqualTo(2);
        assertThat(second[0]).isEqualTo(Drain.SignalAction.PASS_ON);
        assertThat(logLines()).last().asString().startsWith("[warmgate] drain finished: a second SIGTERM ends it "
                + "after 2.0s;").endsWith("shutdown proceeds now");
    }

    @Test
    void afterTheShutdownProceedsHealthChecksStayDeniedAndFurtherSignalsPassOn() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.onSignal();
        drain.awaitEnd(waiter);
        assertThat(drain.isDraining()).as("the JVM is stopping: no load balancer should pick it again").isTrue();
        assertThat(drain.state()).isEqualTo(Drain.State.SHUTTING_DOWN);
        assertThat(drain.onSignal()).isEqualTo(Drain.SignalAction.PASS_ON);
        assertThat(drain.undrain()).isFalse();
        assertThat(drain.startOnDemand()).isFalse();
    }

    @Test
    void aDrainOnDemandLastsUntilUndrainAndLogsOnceWhenTrafficIsQuiet() throws InterruptedException {
        Drain drain = drain(DrainMode.OFF);
        assertThat(drain.startOnDemand()).isTrue();
        assertThat(drain.startOnDemand()).isFalse();
        assertThat(drain.isDraining()).isTrue();
        assertThat(drain.state()).isEqualTo(Drain.State.DRAINING);
        waiter.every(1, SECONDS, 2, drain::businessRequest).at(300, SECONDS, drain::undrain);
        assertThat(secondsUntilEnd(drain, Drain.End.UNDRAINED)).isEqualTo(300);
        assertThat(drain.isDraining()).isFalse();
        assertThat(drain.state()).isEqualTo(Drain.State.IDLE);
        assertThat(logLines()).hasSize(3);
        assertThat(logLines().get(1)).isEqualTo("[warmgate] drain: no business request for 5s (drain.quiet), 7.0s "
                + "after the drain started; the load balancers have stopped sending traffic here (2 business "
                + "requests arrived during the drain)");
        assertThat(logLines().get(2)).isEqualTo("[warmgate] drain ended by undrain after 300.0s; 2 business requests "
                + "arrived during the drain; health checks are answered as before");
        assertThat(drain.elapsedNanos()).isEqualTo(SECONDS.toNanos(300));
    }

    @Test
    void sigtermDuringADrainOnDemandEndsItLikeAShutdownDrainWithTheTimeoutCountedFromTheSignal()
            throws InterruptedException {
        Drain drain = drain(DrainMode.AUTO);
        drain.startOnDemand();
        Drain.SignalAction[] signal = new Drain.SignalAction[1];
        waiter.every(1, SECONDS, 1000, drain::businessRequest)
                .at(100, SECONDS, () -> signal[0] = drain.onSignal());
        assertThat(secondsUntilEnd(drain, Drain.End.TIMEOUT)).isEqualTo(100 + 20);
        assertThat(signal[0]).as("no health check was ever seen, yet the drain that is on goes on")
                .isEqualTo(Drain.SignalAction.JOINED);
    }

    @Test
    void sigtermLongAfterTheLoadBalancersLetGoOfADrainOnDemandProceedsAtOnce() throws InterruptedException {
        Drain drain = drain(DrainMode.ON);
        drain.startOnDemand();
        waiter.at(600, SECONDS, drain::onSignal);
        assertThat(secondsUntilEnd(drain, Drain.End.QUIET)).isEqualTo(600);
    }

    @Test
    void undrainIsRefusedDuringAShutdownDrainAndWhenIdle() {
        Drain drain = drain(DrainMode.ON);
        assertThat(drain.undrain()).isFalse();
        drain.onSignal();
        assertThat(drain.undrain()).isFalse();
        assertThat(drain.isDraining()).isTrue();
    }

    @Test
    void businessRequestsCountOnlyWhileDraining() {
        Drain drain = drain(DrainMode.ON);
        drain.businessRequest();
        assertThat(drain.businessRequests()).isZero();
        assertThat(drain.quietForNanos()).isEqualTo(-1L);
        assertThat(drain.elapsedNanos()).isEqualTo(-1L);
        drain.startOnDemand();
        clock.advance(3, SECONDS);
        drain.businessRequest();
        clock.advance(2, SECONDS);
        assertThat(drain.businessRequests()).isEqualTo(1);
        assertThat(drain.quietForNanos()).isEqualTo(SECONDS.toNanos(2));
        assertThat(drain.elapsedNanos()).isEqualTo(SECONDS.toNanos(5));
        drain.undrain();
        drain.businessRequest();
        assertThat(drain.businessRequests()).as("the last drain's figure stays").isEqualTo(1);
    }

    @Test
    void aNewDrainOnDemandStartsItsFiguresAfresh() {
        Drain drain = drain(DrainMode.ON);
        drain.startOnDemand();
        drain.businessRequest();
        drain.undrain();
        assertThat(drain.startOnDemand()).isTrue();
        assertThat(drain.businessRequests()).isZero();
    }

    @Test
    void secondsHaveOneDecimal() {
        assertThat(Drain.seconds(0)).isEqualTo("0.0s");
        assertThat(Drain.seconds(MILLISECONDS.toNanos(7249))).isEqualTo("7.2s");
        assertThat(Drain.seconds(MILLISECONDS.toNanos(7250))).isEqualTo("7.3s");
        assertThat(Drain.seconds(SECONDS.toNanos(300))).isEqualTo("300.0s");
    }
}
