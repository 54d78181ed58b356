package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code warmup.unsafe-methods=true}, a request file's POST (with its headers and a body from a file) is
 * really sent: the sample's items endpoint only implements GET, so it answers the POST with its own 405, while
 * the GET next to it is counted as a warm-up request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsafeMethodsAllowedIT {

    private static final String POST = "POST " + KIND.path("/api/items?id=3");
    private static final String GET = "GET " + KIND.path("/api/items?id=4");

    private Path folder;
    private SampleProcess sample;
    private HttpResult first;
    private WarmupReportLine report;
    private AgentLog agentLog;

    @BeforeAll
    void warmUpWithAPost() throws Exception {
        folder = Files.createTempDirectory("warmup-it");
        Files.writeString(folder.resolve("item.json"), "{\"name\":\"warm\"}");
        Path file = folder.resolve("requests.txt");
        Files.writeString(file, POST + "\nContent-Type: application/json\n< item.json\n\n" + GET + "\nX-Trace: it\n");
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-warmup-unsafe-allowed", "duration=1s,warmup.file=" + file
                + ",warmup.unsafe-methods=true,warmup.rounds=2,warmup.concurrency=1,warmup.timeout=10s");
        first = PeerClient.toLoopback("127.0.0.2", sample.port()).get(HEALTH);
        report = WarmupSamples.awaitReport(sample, Duration.ofSeconds(15));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @AfterAll
    void stopSample() throws Exception {
        if (sample != null) {
            sample.close();
        }
        if (folder != null) {
            Files.deleteIfExists(folder.resolve("item.json"));
            Files.deleteIfExists(folder.resolve("requests.txt"));
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void theConfigurationIsAccepted() {
        assertThat(agentLog.errors()).isEmpty();
        assertThat(first.status()).isEqualTo(503);
    }

    @Test
    void thePostReachedTheApplicationAndTheGetWasCounted() {
        assertThat(report.requests()).as(report.line()).isEqualTo(4);
        assertThat(report.errors()).as(report.line()).isEqualTo(2);
        assertThat(agentLog.lines()).contains("[warmgate] WARN 2 of 4 warm-up requests failed (first error: " + POST
                + ": HTTP 405)");
        assertThat(WarmupSamples.warmupRequestsCounted(sample)).isEqualTo(2);
    }
}
