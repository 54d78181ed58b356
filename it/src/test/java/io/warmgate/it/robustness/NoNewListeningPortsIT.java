package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agent opens no listening ports (no features that would need one are configured by default): the sample's
 * listening TCP sockets and bound UDP sockets are the same with and without the agent - the application's own
 * HTTP port only. Read from /proc after the agent has done everything it does in a JVM: started, found the
 * handler, ramped (registering its MBean at the first check) and finished.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoNewListeningPortsIT {

    private SampleProcess baseline;
    private SampleProcess withAgent;

    @BeforeAll
    void startBothAndRunARamp() {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux /proc");
        baseline = RobustnessSamples.withoutAgent(RobustnessSamples.jettyJar(), "jetty-ports-baseline");
        withAgent = RobustnessSamples.withAgent(RobustnessSamples.jettyJar(), "jetty-ports-agent", "duration=1s");
        for (String peer : Peers.loopback(4)) {
            Exchanges.get(peer, baseline.port(), "/health");
            Exchanges.get(peer, withAgent.port(), "/health");
        }
        assertThat(withAgent.awaitStderr(line -> line.startsWith("[warmgate] ramp started"), Duration.ofSeconds(5)))
                .isPresent();
        sleep(Duration.ofMillis(1_200));
        Answers.assertAppHealthy(Exchanges.get("127.0.0.2", withAgent.port(), "/health"));
        assertThat(withAgent.awaitStderr(line -> line.startsWith("[warmgate] ramp finished"), Duration.ofSeconds(5)))
                .isPresent();
    }

    @AfterAll
    void stopSamples() {
        RobustnessSamples.stopAll(baseline, withAgent);
    }

    @Test
    void withoutTheAgentOnlyTheApplicationsPortListens() {
        assertThat(ports(ListeningSockets.of(baseline.pid()))).containsExactly(baseline.port());
    }

    @Test
    void withTheAgentStillOnlyTheApplicationsPortListens() {
        Set<String> sockets = ListeningSockets.of(withAgent.pid());
        assertThat(ports(sockets)).as("bound sockets %s", sockets).containsExactly(withAgent.port());
        assertThat(kinds(sockets)).as("bound sockets with vs without the agent")
                .isEqualTo(kinds(ListeningSockets.of(baseline.pid())));
    }

    private static Set<Integer> ports(Set<String> sockets) {
        return sockets.stream().map(socket -> Integer.parseInt(socket.substring(socket.lastIndexOf(' ') + 1)))
                .collect(Collectors.toSet());
    }

    /** "tcp6", "udp"...: which kinds of sockets are bound, whatever their (random) port numbers. */
    private static Set<String> kinds(Set<String> sockets) {
        return sockets.stream().map(socket -> socket.substring(0, socket.indexOf(' '))).collect(Collectors.toSet());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
