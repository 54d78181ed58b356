package io.warmgate.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.warmup.RecordedList;
import io.warmgate.core.warmup.WarmupRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficRecorderTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logged, true));

    private TrafficRecorder recorder(Path file, int kept) {
        return new TrafficRecorder(file, kept, new LineRules(false, List.of()), 1, TimeUnit.MINUTES.toNanos(5), log,
                MonotonicClock.SYSTEM);
    }

    private static List<String> replayed(Path file) {
        RecordedList list = RecordedList.load(file.toString(), System.currentTimeMillis());
        assertThat(list.problem()).isNull();
        List<String> lines = new ArrayList<>();
        for (WarmupRequest request : list.requests()) {
            lines.add(request.toString());
        }
        return lines;
    }

    @Test
    void writesTheMostFrequentLinesFirstWithAHeaderAndTheReplayReadsThemBack() throws Exception {
        Path file = folder.resolve("warmup.txt");
        TrafficRecorder recorder = recorder(file, 2);
        // Interleaved, 3 : 2 : 1, as real traffic comes: the counts are halved now and then (at random, so that
        // old traffic fades), and in blocks a halving between two blocks could reorder them.
        for (int round = 0; round < 10; round++) {
            for (int n = 0; n < 3; n++) {
                recorder.requestEnded("GET", "/a", "id=1", 200, 1000);
            }
            for (int n = 0; n < 2; n++) {
                recorder.requestEnded("HEAD", "/b", null, 404, 1000);
            }
            recorder.requestEnded("GET", "/c", null, 200, 1000);
        }
        assertThat(recorder.write(false)).isTrue();

        String text = Files.readString(file);
        assertThat(text).startsWith("# warmgate recording (warmup.record)").contains("60 requests seen")
                .containsPattern("these 2 lines cover about \\d+\\.\\d% of them");
        assertThat(replayed(file)).containsExactly("GET /a?id=1", "HEAD /b");
        assertThat(recorder.lastWriteLines()).isEqualTo(2);
        assertThat(recorder.lastWriteEpochMillis()).isPositive();
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("recording written to " + file + ": 2 request lines from 60 requests");
    }

    @Test
    void theHeaderSaysWhenOverHowLongHowManyAndWhichShare() {
        List<FrequentLines.Counted> lines = List.of(new FrequentLines.Counted("GET /a", 30),
                new FrequentLines.Counted("HEAD /b", 20));
        String text = RecordingFile.format(lines, new RecordingFile.Summary("2030-01-02T03:04:05Z",
                TimeUnit.MINUTES.toNanos(90), 960, 60));
        assertThat(text).isEqualTo("# warmgate recording (warmup.record): the most frequent GET and HEAD requests "
                + "this instance served, most frequent first.\n"
                + "# written 2030-01-02T03:04:05Z after 1h30m of recording; 960 requests seen (GET and HEAD, no 5xx); "
                + "counted on a sample that favours recent traffic, these 2 lines cover about 83.3% of them.\n"
                + "# Replayed as the warm-up at the next start; overwritten by the next recording. No header values, "
                + "no credential-like query parameters.\n"
                + "GET /a\nHEAD /b\n");
    }

    @Test
    void recordsNeitherServerErrorsNorOtherMethods() throws Exception {
        Path file = folder.resolve("warmup.txt");
        TrafficRecorder recorder = recorder(file, 10);
        recorder.requestEnded("GET", "/failing", null, 500, 1000);
        recorder.requestEnded("GET", "/unavailable", null, 503, 1000);
        recorder.requestEnded("POST", "/orders", null, 201, 1000);
        recorder.requestEnded("GET", "/ok", null, 200, 1000);
        assertThat(recorder.write(false)).isTrue();
        assertThat(replayed(file)).containsExactly("GET /ok");
        assertThat(recorder.requestsSeen()).isEqualTo(1);
    }

    @Test
    void aSecretInTheQueryStringLeavesNoTraceInTheFile() throws Exception {
        Path file = folder.resolve("warmup.txt");
        TrafficRecorder recorder = recorder(file, 10);
        for (int n = 0; n < 5; n++) {
            recorder.requestEnded("GET", "/api/orders;jsessionid=SESSIONVALUE42", "access_token=TOPSECRET42&page=2",
                    200, 1000);
            recorder.requestEnded("GET", "/api/me", "token=TOPSECRET42", 200, 1000);
        }
        assertThat(recorder.write(true)).isTrue();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("TOPSECRET42").doesNotContain("SESSIONVALUE42")
                .doesNotContain("token").doesNotContain("jsessionid");
        assertThat(replayed(file)).containsExactlyInAnyOrder("GET /api/orders?page=2", "GET /api/me");
    }

    @Test
    void neverReplacesAFileWithAnEmptyRecordingNorRewritesWhenNothingIsNew() throws Exception {
        Path file = folder.resolve("warmup.txt");
        Files.writeString(file, "GET /previous\n");
        TrafficRecorder recorder = recorder(file, 10);
        recorder.requestEnded("GET", "/not printable \u00e9", null, 200, 1000);
        assertThat(recorder.write(false)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("GET /previous\n");

        recorder.requestEnded("GET", "/new", null, 200, 1000);
        assertThat(recorder.write(false)).isTrue();
        assertThat(recorder.write(false)).as("nothing new since").isFalse();
        assertThat(replayed(file)).containsExactly("GET /new");
    }

    @Test
    void stopsAfterItsLastWrite() throws Exception {
        Path file = folder.resolve("warmup.txt");
        TrafficRecorder recorder = recorder(file, 10);
        recorder.requestEnded("GET", "/a", null, 200, 1000);
        assertThat(recorder.state()).isEqualTo(TrafficRecorder.State.RECORDING);
        recorder.stop();
        assertThat(recorder.active()).isFalse();
        assertThat(recorder.state().label()).isEqualTo("stopped");
        assertThat(replayed(file)).containsExactly("GET /a");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("(at shutdown)");
    }

    @Test
    void aFailedWriteIsReportedOnceAndNeverThrown() {
        Path file = folder.resolve("missing-folder").resolve("warmup.txt");
        TrafficRecorder recorder = recorder(file, 10);
        recorder.requestEnded("GET", "/a", null, 200, 1000);
        assertThat(recorder.write(false)).isFalse();
        recorder.requestEnded("GET", "/b", null, 200, 1000);
        assertThat(recorder.write(false)).isFalse();
        assertThat(recorder.lastProblem()).isNotNull();
        String text = logged.toString(StandardCharsets.UTF_8);
        assertThat(text.split("could not write the recording", -1)).hasSize(2);
        assertThat(text).contains("the previous file, if any, is left as it was");
    }

    @Test
    void aFloodOfUniqueUrlsKeepsTheMemoryBounded() {
        TrafficRecorder recorder = recorder(folder.resolve("warmup.txt"), 100);
        for (int n = 0; n < 200_000; n++) {
            recorder.requestEnded("GET", "/search", "q=" + n, 200, 1000);
        }
        assertThat(recorder.linesInMemory()).isLessThanOrEqualTo(256);
        assertThat(recorder.requestsSeen()).isEqualTo(200_000);
    }

    @Test
    void twoWritersOfOnePathNeverLeaveATornFile() throws Exception {
        Path file = folder.resolve("shared.txt");
        TrafficRecorder one = recorder(file, 300);
        TrafficRecorder two = recorder(file, 300);
        for (int n = 0; n < 300; n++) {
            one.requestEnded("GET", "/one/" + n, "padding=" + "x".repeat(200), 200, 1000);
            two.requestEnded("GET", "/two/" + n, "padding=" + "y".repeat(200), 200, 1000);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                if (Files.exists(file)) {
                    List<String> lines = replayed(file);
                    boolean whole = lines.size() == 300 && (lines.stream().allMatch(l -> l.startsWith("GET /one/"))
                            || lines.stream().allMatch(l -> l.startsWith("GET /two/")));
                    if (!whole) {
                        torn.set(lines.size() + " lines");
                    }
                }
            }
        });
        reader.start();
        Thread[] writers = {writer(one, "/one/0"), writer(two, "/two/0")};
        for (Thread writer : writers) {
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        reader.join();
        assertThat(torn.get()).isNull();
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers).as("no temporary file left behind").containsExactly(file);
        }
    }

    private static Thread writer(TrafficRecorder recorder, String path) {
        return new Thread(() -> {
            for (int round = 0; round < 50; round++) {
                recorder.requestEnded("GET", path, null, 200, 1000); // something new, so it writes again
                assertThat(recorder.write(false)).isTrue();
            }
        });
    }
}
