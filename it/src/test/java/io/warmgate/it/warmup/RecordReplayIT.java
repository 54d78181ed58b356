package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmup.record} end to end on the Tomcat sample: a first run records the business traffic it serves and
 * writes the file when it is stopped with SIGTERM; a second run with the same key replays it as its warm-up, whose
 * requests reach the application (the sample counts them) while every node is still denied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordReplayIT {

    /** Item ids the traffic asks for; the recording samples one request in 16, so each is asked often. */
    private static final int ITEMS = 8;
    private static final int REQUESTS_PER_ITEM = 240;
    private static final String SECRET = "S3CR3TVALUE";
    private static final Duration RAMP = Duration.ofSeconds(2);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    private final List<String> peers = LoopbackPeers.first(4);
    private Path file;
    private String args;
    private List<String> firstRunStderr;
    private int firstRunExit;
    private String recorded;
    private SampleProcess second;
    private HttpResult firstCheck;
    private Recording answers;
    private WarmupReportLine report;
    private long warmupRequestsCounted;

    @BeforeAll
    void recordThenReplay() throws Exception {
        file = folder.resolve("shop-warmup.txt");
        args = "duration=" + RAMP.toSeconds() + "s,warmup.record=" + file + ",warmup.timeout=20s";
        SampleProcess first = ItEnvironment.startWithAgent(KIND, "tomcat-record", args);
        try {
            serveTraffic(first.port());
            first.terminate();
            firstRunExit = first.awaitExit(EXIT_WAIT).orElse(-1);
            firstRunStderr = first.stderrLines();
        } finally {
            first.close();
        }
        recorded = Files.readString(file);

        second = ItEnvironment.startWithAgent(KIND, "tomcat-replay", args);
        int port = second.port();
        firstCheck = PeerClient.toLoopback(peers.get(0), port).get(HEALTH);
        // The warm-up (three rounds of a dozen lookups) takes a second or two; then the ramp, plus slack.
        long deadline = firstCheck.receivedNanos() + Duration.ofSeconds(8).plus(RAMP).toNanos();
        answers = RampProbe.against(port).pollEachPeer(peers, HEALTH, Duration.ofMillis(100)).runUntil(deadline);
        report = WarmupSamples.awaitReport(second, Duration.ofSeconds(5));
        warmupRequestsCounted = WarmupSamples.warmupRequestsCounted(second);
    }

    /** Item i asked (ITEMS - i) times as often as the last, from four threads; one more with a token. */
    private static void serveTraffic(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                done.add(pool.submit(() -> {
                    PeerClient client = PeerClient.toLoopback("127.0.0.1", port);
                    for (int n = 0; n < REQUESTS_PER_ITEM / 4; n++) {
                        for (int id = 1; id <= ITEMS; id++) {
                            get(client, KIND.path("/api/items?id=" + id));
                        }
                        get(client, KIND.path("/api/items?id=99&access_token=" + SECRET));
                        get(client, KIND.path("/api/items;jsessionid=" + SECRET + "?id=98"));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void get(PeerClient client, String path) throws IOException {
        HttpResult result = client.get(path);
        assertThat(result.status()).as(path).isLessThan(500);
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theFirstRunWritesTheRecordingAtShutdown() {
        assertThat(firstRunExit).as("exit status after SIGTERM").isEqualTo(143);
        assertThat(firstRunStderr).anyMatch(line -> line.startsWith("[warmgate] recording written to " + file)
                && line.endsWith("(at shutdown)"));
        assertThat(recorded).startsWith("# warmgate recording (warmup.record)");
        List<String> lines = recorded.lines().filter(line -> !line.startsWith("#")).toList();
        for (int id = 1; id <= ITEMS; id++) {
            assertThat(lines).contains("GET " + KIND.path("/api/items?id=" + id));
        }
        assertThat(lines).contains("GET " + KIND.path("/api/items?id=99"), "GET " + KIND.path("/api/items?id=98"));
        assertThat(lines).noneMatch(line -> line.contains("health"));
    }

    @Test
    void aSecretInTheQueryStringOrPathLeavesNoTraceInTheFile() {
        assertThat(recorded).doesNotContain(SECRET).doesNotContain("access_token").doesNotContain("jsessionid");
    }

    @Test
    void theNextStartReplaysTheRecordingBeforeAnyNodeIsAllowed() {
        assertThat(firstCheck.status()).isEqualTo(503);
        assertThat(WarmgateHeader.of(firstCheck).map(h -> h.phase())).hasValue("warming");
        int recordedLines = (int) recorded.lines().filter(line -> !line.startsWith("#")).count();
        assertThat(report.list()).as(report.line())
                .matches(recordedLines + " requests recorded \\S+ ago \\(warmup.record=" + file + "\\)");
        assertThat(report.errors()).as(report.line()).isZero();
        // Every recorded line is an item lookup, which the sample counts when it carries the warm-up marker.
        assertThat(warmupRequestsCounted).isEqualTo((long) report.rounds() * recordedLines);
        long warmupEnded = answers.answers(HEALTH).stream()
                .filter(o -> WarmgateHeader.of(o.result()).map(h -> h.phase().equals("warming")).orElse(false))
                .mapToLong(Observation::sentNanos).max().orElseThrow();
        assertThat(answers.answers(HEALTH)).as("no node passed while the warm-up ran")
                .noneMatch(o -> o.passedTheGate() && o.receivedNanos() < warmupEnded);
        assertThat(answers.answers(HEALTH)).as("the ramp then let every node in")
                .filteredOn(Observation::passedTheGate).extracting(Observation::peer).containsAll(peers);
    }
}
