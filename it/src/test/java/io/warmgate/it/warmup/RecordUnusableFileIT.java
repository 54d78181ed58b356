package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code warmup.record} file the agent cannot use (corrupt, empty, over the size limit) is no reason to turn the
 * agent off: one warning, no warm-up, the ramp runs at once, and the run's own recording replaces the file.
 */
class RecordUnusableFileIT {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"corrupt", "empty", "too-large"})
    void oneWarningNoWarmupTheRampRunsAndTheNextRecordingReplacesTheFile(String kind) throws Exception {
        Path file = folder.resolve(kind + ".txt");
        switch (kind) {
            case "corrupt" -> Files.writeString(file, "GET /shop/api/items?id=1\nthis is not a request line\n");
            case "empty" -> Files.writeString(file, "");
            default -> Files.writeString(file, ("GET /shop/api/items?id=" + "1".repeat(1000) + "\n").repeat(1100));
        }
        SampleProcess sample = ItEnvironment.startWithAgent(KIND, "tomcat-record-" + kind,
                "duration=2s,warmup.record=" + file);
        try {
            HttpResult first = PeerClient.toLoopback("127.0.0.2", sample.port()).get(HEALTH);
            assertThat(WarmgateHeader.of(first).map(h -> h.phase())).as("no warm-up holds the ramp")
                    .hasValue("ramping");
            PeerClient client = PeerClient.toLoopback("127.0.0.1", sample.port());
            for (int n = 0; n < 400; n++) {
                assertThat(client.get(KIND.path("/api/items?id=7")).status()).isEqualTo(200);
            }
            sample.terminate();
            assertThat(sample.awaitExit(Duration.ofSeconds(30))).isPresent();
            List<String> warnings = new AgentLog(sample.stderrLines()).lines().stream()
                    .filter(line -> line.contains("WARN") || line.contains("ERROR")).toList();
            assertThat(warnings).as(sample.recentOutput()).hasSize(1);
            assertThat(warnings.get(0)).contains("warmup.record=" + file)
                    .endsWith("no warm-up from the recording this time, the ramp runs as usual, and the next "
                            + "recording overwrites the file");
            assertThat(sample.stderrLines()).noneMatch(line -> line.contains("warm-up started"));
            assertThat(Files.readString(file)).startsWith("# warmgate recording")
                    .endsWith("\nGET " + KIND.path("/api/items?id=7") + "\n");
        } finally {
            sample.close();
        }
    }
}
