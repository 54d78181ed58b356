package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warmgate.config.ConfigLoader;
import io.warmgate.config.ConfigResult;
import io.warmgate.config.WarmgateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmupPlanTest {

    @TempDir
    Path folder;

    private static WarmgateConfig config(String agentArgs) {
        ConfigResult result = ConfigLoader.load(agentArgs, new Properties(), new HashMap<>());
        assertThat(result.errors()).isEmpty();
        return result.config();
    }

    @Test
    void takesTheRequestsThenTheFileAndEverySetting() throws Exception {
        Path file = folder.resolve("more.txt");
        Files.writeString(file, "HEAD /c\nX-File: 1\n");
        WarmupPlan plan = WarmupPlan.from(config("warmup.requests=/a;get /b,warmup.file=" + file
                + ",warmup.concurrency=3,warmup.rounds=7,warmup.timeout=9s,warmup.port=8081,"
                + "warmup.headers=X-Auth: k;Accept: text/plain"));
        assertThat(plan.requests()).extracting(WarmupRequest::toString).containsExactly("GET /a", "GET /b", "HEAD /c");
        assertThat(plan.requests().get(2).headers()).extracting(HeaderField::toString).containsExactly("X-File: 1");
        assertThat(plan.commonHeaders()).extracting(HeaderField::toString)
                .containsExactly("X-Auth: k", "Accept: text/plain");
        assertThat(plan.concurrency()).isEqualTo(3);
        assertThat(plan.rounds()).isEqualTo(7);
        assertThat(plan.durationNanos()).isZero();
        assertThat(plan.timeoutNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(9));
        assertThat(plan.port()).isEqualTo(8081);
    }

    @Test
    void anUnsafeMethodInTheFileNeedsTheSwitch() throws Exception {
        Path file = folder.resolve("orders.txt");
        Files.writeString(file, "DELETE /cache\n");
        assertThatThrownBy(() -> WarmupPlan.from(config("warmup.file=" + file)))
                .isInstanceOf(WarmupPlanException.class)
                .hasMessage("warmup.file=" + file + " line 1: 'DELETE /cache' uses DELETE; only GET and HEAD are "
                        + "sent unless warmup.unsafe-methods=true");
        assertThat(WarmupPlan.from(config("warmup.file=" + file + ",warmup.unsafe-methods=true")).requests())
                .extracting(WarmupRequest::method).containsExactly("DELETE");
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = folder.resolve("missing.txt");
        assertThatThrownBy(() -> WarmupPlan.from(config("warmup.requests=/a,warmup.file=" + missing)))
                .hasMessage("warmup.file=" + missing + ": the request file does not exist or is not a regular file");
    }

    @Test
    void theRecordingComesAfterTheHandWrittenRequests() throws Exception {
        Path recording = folder.resolve("recorded.txt");
        Files.writeString(recording, "# recorded\nGET /r1\nHEAD /r2\n");
        WarmgateConfig config = config("warmup.requests=/a,warmup.record=" + recording);
        WarmupPlan plan = WarmupPlan.from(config, RecordedList.load(recording.toString(), System.currentTimeMillis()));
        assertThat(plan.requests()).extracting(WarmupRequest::toString).containsExactly("GET /a", "GET /r1", "HEAD /r2");
        assertThat(plan.recordedSource()).startsWith("2 requests recorded ").endsWith(" after 1 hand-written");
        assertThat(WarmupPlan.from(config).recordedSource()).isNull();
    }

    @Test
    void aRecordingAloneWithoutRequestsIsNoWarmup() throws Exception {
        Path recording = folder.resolve("recorded.txt");
        WarmgateConfig config = config("warmup.record=" + recording);
        assertThat(WarmupPlan.from(config, RecordedList.load(recording.toString(), 0L))).isNull();
        Files.writeString(recording, "GET /r1\n");
        WarmupPlan plan = WarmupPlan.from(config, RecordedList.load(recording.toString(), 0L));
        assertThat(plan.requests()).extracting(WarmupRequest::toString).containsExactly("GET /r1");
        assertThat(plan.recordedSource()).startsWith("1 request recorded ").endsWith("(warmup.record=" + recording + ")");
    }
}
