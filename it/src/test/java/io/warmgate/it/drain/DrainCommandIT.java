package io.warmgate.it.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.GateMBeanClient;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code java -jar warmgate-agent.jar drain <pid>} and {@code undrain <pid>} on a running sample, and the MBean's
 * drain and undrain operations: the instance leaves its load balancers and comes back, and keeps running. The
 * command runs on the sample's JDK with no JVM flags on either side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrainCommandIT {

    private static final SampleKind KIND = SampleKind.JETTY;
    private static final String HEALTH = KIND.path("/health");
    private static final List<String> NODES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
    private static final Duration COMMAND_BOUND = Duration.ofSeconds(60);

    private record Command(int status, String out, String err) {
    }

    private SampleProcess sample;
    private GateMBeanClient gate;

    @BeforeAll
    void startWithTheRampOver() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, "jetty-drain-command", "duration=1s,drain.quiet=1s");
        DrainSupport.awaitEveryNodeAllowed(sample, NODES, HEALTH);
    }

    @AfterAll
    void stop() throws IOException {
        if (gate != null) {
            gate.close();
        }
        if (sample != null) {
            sample.close();
        }
    }

    private Command run(String command) throws Exception {
        Process process = new ProcessBuilder(ItEnvironment.javaHome().resolve("bin/java").toString(), "-jar",
                ItEnvironment.agentJar().toString(), command, String.valueOf(sample.pid())).start();
        process.getOutputStream().close();
        if (!process.waitFor(COMMAND_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_BOUND.toSeconds() + " s");
        }
        return new Command(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private List<HttpResult> checkFromEveryNode() throws IOException {
        List<HttpResult> checks = new java.util.ArrayList<>();
        for (String node : NODES) {
            checks.add(DrainSupport.get(node, sample.port(), HEALTH));
        }
        return checks;
    }

    private void assertDraining() throws IOException {
        assertThat(checkFromEveryNode()).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(503);
            assertThat(check.header("X-Warmgate")).hasValue("phase=draining");
        });
        assertThat(DrainSupport.get("127.0.0.9", sample.port(), KIND.path("/api/items")).status()).isEqualTo(200);
    }

    private void assertServing() throws IOException {
        assertThat(checkFromEveryNode()).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(200);
            assertThat(check.header("X-Warmgate")).isEmpty();
        });
    }

    @Test
    @Order(1)
    void drainAndUndrainFromTheCommandLine() throws Exception {
        Command drain = run("drain");
        assertThat(drain.status()).as("%s", drain).isZero();
        assertThat(drain.out()).startsWith("warmgate drain " + sample.pid() + ": draining: ");
        assertDraining();
        assertThat(sample.awaitStderr(line -> line.contains("drain started on demand"), Duration.ofSeconds(5)))
                .isPresent();
        assertThat(sample.awaitStderr(line -> line.startsWith("[warmgate] drain: no business request for 1s"),
                Duration.ofSeconds(10))).as("quiet reported").isPresent();

        Command again = run("drain");
        assertThat(again.status()).as("%s", again).isEqualTo(1);
        assertThat(again.out()).endsWith("not started: the drain is draining already");

        Command undrain = run("undrain");
        assertThat(undrain.status()).as("%s", undrain).isZero();
        assertThat(undrain.out()).startsWith("warmgate undrain " + sample.pid() + ": undrained: ");
        assertServing();
        assertThat(sample.awaitStderr(line -> line.contains("drain ended by undrain"), Duration.ofSeconds(5)))
                .isPresent();

        Command notDraining = run("undrain");
        assertThat(notDraining.status()).isEqualTo(1);
        assertThat(notDraining.out()).endsWith("not undrained: no drain is on");
        assertThat(sample.isAlive()).isTrue();
        // No agent was loaded into the sample: no JDK 21+ warning about dynamically loaded agents.
        assertThat(sample.stderrLines()).noneMatch(line -> line.contains("loaded dynamically"));
    }

    @Test
    @Order(2)
    void theMBeanOperationsDoTheSame() throws Exception {
        gate = GateMBeanClient.connect(sample);
        assertThat(gate.read("Phase")).isEqualTo("open");
        assertThat(gate.read("DrainState")).isEqualTo("idle");

        assertThat(gate.invoke("drain")).startsWith("draining: ");
        assertDraining();
        assertThat(gate.read("Phase")).isEqualTo("draining");
        assertThat(gate.read("DrainState")).isEqualTo("draining");
        assertThat((Long) gate.read("DrainBusinessRequests")).isEqualTo(1L);
        assertThat((Double) gate.read("DrainSeconds")).isGreaterThanOrEqualTo(0.0);

        assertThat(gate.invoke("undrain")).startsWith("undrained: ");
        assertServing();
        assertThat(gate.read("Phase")).isEqualTo("open");
        assertThat(sample.isAlive()).isTrue();
    }
}
