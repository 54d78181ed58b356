package io.warmgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WarmgateCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return WarmgateCli.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void planPrintsAnAlignedRowPerPeerSortedByTheMomentItTurnsHealthy() {
        // Buckets (Guava murmur3_32_fixed): 127.0.0.1 -> 14, 10.0.1.7 -> 28, ::1 -> 40, 127.0.0.2 -> 12.
        int status = run("plan", "10.0.1.7", "::1", "127.0.0.1", "127.0.0.2");
        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo(String.join(System.lineSeparator(),
                "peer       hash        bucket  healthy at",
                "127.0.0.2  1756612312  12      7.2s",
                "127.0.0.1  186615114   14      8.4s",
                "10.0.1.7   1167935928  28      16.8s",
                "::1        319090840   40      24.0s") + System.lineSeparator());
    }

    @Test
    void planUsesTheGivenCurveAndCanonicalAddresses() {
        int status = run("plan", "--duration", "100s", "--aggression=2", "--min-percent", "13",
                "0:0:0:0:0:0:0:1", "[::ffff:10.0.1.7]", "127.0.0.1", "127.0.0.2");
        assertThat(status).isZero();
        String[] lines = out().split("\\R");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).startsWith("127.0.0.2").endsWith(" 0.0s");  // bucket 12 is below the 13% floor
        assertThat(lines[2]).startsWith("127.0.0.1").endsWith(" 2.0s");  // 100 * (t/100)^(1/2) = 14 -> t = 1.96
        assertThat(lines[3]).startsWith("10.0.1.7 ").endsWith(" 7.8s");  // 28 -> t = 7.84
        assertThat(lines[4]).startsWith("::1 ").endsWith(" 16.0s");      // 40 -> t = 16
    }

    @Test
    void planWithAnInstancePredictsSpreadBuckets() {
        int status = run("plan", "--instance", "10.0.4.2:8080", "127.0.0.1", "10.0.1.7");
        assertThat(status).isZero();
        String[] lines = out().split("\\R");
        assertThat(lines).hasSize(3);
        for (String peer : new String[] {"127.0.0.1", "10.0.1.7"}) {
            int hash = io.warmgate.core.PeerBuckets.spreadHash(peer, "10.0.4.2:8080");
            String expected = peer + " " + io.warmgate.core.PeerBuckets.absoluteHash(hash) + " "
                    + io.warmgate.core.PeerBuckets.bucket(hash);
            assertThat(lines).anySatisfy(line -> assertThat(line.replaceAll(" +", " ")).startsWith(expected + " "));
        }
        assertThat(run("plan", "--instance", " ", "127.0.0.1")).as("an empty instance").isEqualTo(2);
    }

    @Test
    void duplicatePeersAreListedOnce() {
        assertThat(run("plan", "::1", "0:0:0:0:0:0:0:1", "[::1]")).isZero();
        assertThat(out().split("\\R")).hasSize(2);
    }

    @Test
    void peersThatAreNotIpLiteralsAreErrors() {
        int status = run("plan", "lb-1.example.com", "10.0.1.7", "300.1.1.1");
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("'lb-1.example.com' is not an IP address literal", "'300.1.1.1'");
        assertThat(out()).contains("10.0.1.7").doesNotContain("example");
    }

    @Test
    void planNeedsPeersAndValidOptions() {
        assertThat(run("plan")).isEqualTo(2);
        assertThat(err()).contains("at least one peer", "usage:");
        errBytes.reset();
        assertThat(run("plan", "--duration", "soon", "10.0.0.1")).isEqualTo(2);
        assertThat(err()).contains("--duration soon is not valid; expected a duration");
        errBytes.reset();
        assertThat(run("plan", "--aggression", "0", "10.0.0.1")).isEqualTo(2);
        assertThat(err()).contains("--aggression 0 is not valid");
        errBytes.reset();
        assertThat(run("plan", "--min-percent", "120", "10.0.0.1")).isEqualTo(2);
        errBytes.reset();
        assertThat(run("plan", "--speed", "2", "10.0.0.1")).isEqualTo(2);
        assertThat(err()).contains("unknown option --speed");
        errBytes.reset();
        assertThat(run("plan", "10.0.0.1", "--duration")).isEqualTo(2);
        assertThat(err()).contains("--duration needs a value");
        assertThat(out()).isEmpty();
    }

    @Test
    void versionFallsBackToDevOutsideTheJar() {
        assertThat(run("version")).isZero();
        assertThat(out().trim()).isEqualTo("dev");
    }

    @Test
    void helpAndNoArgumentsPrintUsage() {
        assertThat(run()).isZero();
        assertThat(err()).startsWith("usage: java -jar warmgate-agent.jar");
        errBytes.reset();
        assertThat(run("help")).isZero();
        assertThat(err()).contains("plan [--duration 60s] [--aggression 1] [--min-percent 0] [--instance ADDR:PORT] PEER...");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'deploy'", "usage:");
    }

    @Test
    void secondsAreRoundedToTheNearestTenth() {
        assertThat(PlanCommand.seconds(0)).isEqualTo("0.0s");
        assertThat(PlanCommand.seconds(32_400_000_001L)).isEqualTo("32.4s");
        assertThat(PlanCommand.seconds(32_449_999_999L)).isEqualTo("32.4s");
        assertThat(PlanCommand.seconds(32_450_000_000L)).isEqualTo("32.5s");
        assertThat(PlanCommand.seconds(86_400_000_000_000L)).isEqualTo("86400.0s");
    }

    @Test
    void drainAndUndrainNeedOneProcessId() {
        assertThat(run("drain")).isEqualTo(2);
        assertThat(err()).startsWith("warmgate drain: give the process id of one running JVM");
        errBytes.reset();
        assertThat(run("undrain", "my-service")).isEqualTo(2);
        assertThat(err()).startsWith("warmgate undrain: give the process id");
        errBytes.reset();
        assertThat(run("drain", "1", "2")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void drainOfAProcessThatIsNoJvmSaysWhyInOneLineAndLeavesItAlone() throws Exception {
        // Attaching would send SIGQUIT, which kills a process that is not a JVM: the command must refuse first.
        Process notAJvm = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(run("drain", String.valueOf(notAJvm.pid()))).isEqualTo(1);
            assertThat(out()).isEmpty();
            assertThat(err()).isEqualTo("warmgate drain " + notAJvm.pid() + ": no JVM with process id "
                    + notAJvm.pid() + " is visible to this user (jps lists the ones that are); run the command as "
                    + "the JVM's user, on the same machine and in the same container" + System.lineSeparator());
            assertThat(notAJvm.isAlive()).isTrue();
        } finally {
            notAJvm.destroy();
            notAJvm.waitFor();
        }
    }
}
