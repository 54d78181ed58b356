package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.FreePorts;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A fleet of three with {@code fleet.peers}: one instance stopped while its siblings serve drains for the whole
 * {@code drain.quiet}; then the two others, stopped together, end their drains at once, because no sibling is
 * left to take the traffic and health checks held at 503 would leave the load balancer without any server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrainWholeFleetStopIT {

    private static final SampleKind KIND = SampleKind.TOMCAT;
    private static final String HEALTH = KIND.path("/health");
    private static final Duration QUIET = Duration.ofSeconds(6);
    private static final Pattern DRAIN_LENGTH = Pattern.compile("(\\d+\\.\\d)s after the drain started");

    private final List<SampleProcess> fleet = new ArrayList<>();
    private DrainSupport.Exit aloneExit;
    private AgentLog aloneLog;
    private List<DrainSupport.Exit> togetherExits;
    private List<AgentLog> togetherLogs;

    @BeforeAll
    void stopOneThenTheOtherTwoTogether() throws Exception {
        startFleet();
        for (SampleProcess instance : fleet) {
            DrainSupport.awaitEveryNodeAllowed(instance, List.of("127.0.0.2", "127.0.0.3"), HEALTH);
        }
        Duration bound = QUIET.plus(DrainSupport.SHUTDOWN_ALLOWANCE);

        aloneExit = DrainSupport.terminateAndTime(fleet.get(0), bound);
        aloneLog = new AgentLog(fleet.get(0).stderrLines());

        List<CompletableFuture<DrainSupport.Exit>> stopping = new ArrayList<>();
        for (SampleProcess instance : fleet.subList(1, 3)) {
            stopping.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return DrainSupport.terminateAndTime(instance, bound);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        togetherExits = stopping.stream().map(CompletableFuture::join).toList();
        togetherLogs = fleet.subList(1, 3).stream().map(instance -> new AgentLog(instance.stderrLines())).toList();
    }

    /**
     * Starts the three instances, each with the two others in {@code fleet.peers}. Their ports must be known
     * before any starts, so they are picked free first; another process can take one in between, so a start that
     * finds its port taken starts the whole fleet again on new ports (at most three times).
     */
    private void startFleet() {
        for (int attempt = 1; ; attempt++) {
            // Below the ephemeral range: no client connection of another test can take one meanwhile.
            List<Integer> ports = FreePorts.pick(3);
            try {
                for (int i = 0; i < 3; i++) {
                    List<String> siblings = new ArrayList<>();
                    for (int j = 0; j < 3; j++) {
                        if (j != i) {
                            siblings.add("127.0.0.1:" + ports.get(j));
                        }
                    }
                    fleet.add(ItEnvironment.startWithAgent(ItEnvironment.sampleJar(KIND),
                            Map.of("sample.port", String.valueOf(ports.get(i))), "tomcat-whole-fleet-stop-" + (i + 1),
                            "duration=1s,fleet.timeout=500ms,drain.quiet=" + QUIET.toSeconds() + "s,drain.timeout=20s,"
                                    + "fleet.peers=" + String.join(";", siblings)));
                }
                return;
            } catch (SampleProcess.SampleStartException portTaken) {
                fleet.forEach(SampleProcess::close);
                fleet.clear();
                if (attempt == 3 || String.valueOf(portTaken.getMessage()).indexOf("Address already in use") < 0) {
                    throw portTaken;
                }
            }
        }
    }

    @AfterAll
    void stopAll() {
        fleet.forEach(SampleProcess::close);
    }

    @Test
    void anInstanceStoppedWhileItsSiblingsServeDrainsUntilQuiet() {
        assertThat(aloneExit.status()).as("%s", fleet.get(0).recentOutput()).isEqualTo(143);
        assertThat(aloneExit.afterSignal()).isGreaterThanOrEqualTo(QUIET);
        assertThat(aloneLog.containing("drain finished")).singleElement().asString()
                .contains("no business request for 6s (drain.quiet)");
    }

    @Test
    void instancesStoppedTogetherEndTheirDrainsAsSoonAsNoSiblingIsOpen() {
        for (int i = 0; i < 2; i++) {
            SampleProcess instance = fleet.get(i + 1);
            assertThat(togetherExits.get(i).status()).as("%s", instance.recentOutput()).isEqualTo(143);
            String finished = togetherLogs.get(i).containing("drain finished").stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no drain line\n" + instance.recentOutput()));
            assertThat(finished).contains("no sibling instance serves every node", "shutdown proceeds now");
            Matcher length = DRAIN_LENGTH.matcher(finished);
            assertThat(length.find()).as(finished).isTrue();
            assertThat(Double.parseDouble(length.group(1))).as("the drain's own length, measured in the JVM")
                    .isLessThan(QUIET.toSeconds());
        }
    }
}
