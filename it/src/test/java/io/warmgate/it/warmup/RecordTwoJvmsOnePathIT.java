package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs that record to the same path (a shared mount, a baked image) every second while serving different
 * traffic: whenever the file is read, it is one JVM's whole recording, never a mix or a cut, and no temporary file
 * is left behind.
 */
class RecordTwoJvmsOnePathIT {

    private static final Duration TRAFFIC = Duration.ofSeconds(6);

    @TempDir
    Path folder;

    @Test
    void theFileIsAlwaysOneWholeRecording() throws Exception {
        Path file = folder.resolve("shared.txt");
        String args = "warmup.record=" + file + ",warmup.record.interval=1s";
        SampleProcess one = ItEnvironment.startWithAgent(KIND, "tomcat-record-one", args);
        SampleProcess two = ItEnvironment.startWithAgent(KIND, "tomcat-record-two", args);
        Set<String> versions = new HashSet<>();
        try {
            PeerClient toOne = PeerClient.toLoopback("127.0.0.1", one.port());
            PeerClient toTwo = PeerClient.toLoopback("127.0.0.1", two.port());
            long end = System.nanoTime() + TRAFFIC.toNanos();
            int n = 0;
            while (System.nanoTime() < end) {
                toOne.get(KIND.path("/api/items?id=" + (1 + n % 3)));
                toTwo.get(KIND.path("/api/items?id=" + (11 + n % 3)));
                if (++n % 10 == 0) {
                    readWhole(file).ifPresent(versions::add);
                }
            }
        } finally {
            one.close();
            two.close();
        }
        assertThat(versions).as("recordings of both JVMs were read").anyMatch(v -> v.equals("one"))
                .anyMatch(v -> v.equals("two"));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    /** "one" or "two" for a whole recording of that JVM; fails on anything else. */
    private static java.util.Optional<String> readWhole(Path file) throws Exception {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException notYet) {
            return java.util.Optional.empty();
        }
        assertThat(text).startsWith("# warmgate recording").endsWith("\n");
        List<String> lines = text.lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).isNotEmpty();
        boolean ofOne = lines.stream().allMatch(line -> line.matches("GET /shop/api/items\\?id=[123]"));
        boolean ofTwo = lines.stream().allMatch(line -> line.matches("GET /shop/api/items\\?id=1[123]"));
        assertThat(ofOne || ofTwo).as("one JVM's whole recording: %s", text).isTrue();
        return java.util.Optional.of(ofOne ? "one" : "two");
    }
}
