package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedListTest {

    @TempDir
    Path folder;

    @Test
    void noKeyNoFileNoProblem() {
        assertThat(RecordedList.load(null, 0L).requests()).isEmpty();
        RecordedList first = RecordedList.load(folder.resolve("absent.txt").toString(), 0L);
        assertThat(first.requests()).isEmpty();
        assertThat(first.problem()).isNull();
        assertThat(first.description()).isNull();
    }

    @Test
    void readsARecordingAndSaysHowOldItIs() throws Exception {
        Path file = folder.resolve("warmup.txt");
        Files.writeString(file, "# header\nGET /a?id=1\nHEAD /b\n");
        long written = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(3);
        Files.setLastModifiedTime(file, FileTime.fromMillis(written));
        RecordedList list = RecordedList.load(file.toString(), written + TimeUnit.MINUTES.toMillis(3));
        assertThat(list.problem()).isNull();
        assertThat(list.requests()).extracting(WarmupRequest::toString).containsExactly("GET /a?id=1", "HEAD /b");
        assertThat(list.description()).isEqualTo("2 requests recorded 3m ago (warmup.record=" + file + ")");
    }

    @Test
    void anUnusableFileIsOneProblemAndNoRequests() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.txt"), "");
        Path corrupt = Files.writeString(folder.resolve("corrupt.txt"), "GET /a\n\u0000\u0001garbage here\n");
        Path unsafe = Files.writeString(folder.resolve("unsafe.txt"), "DELETE /a\n");
        Path large = folder.resolve("large.txt");
        Files.writeString(large, ("GET /" + "a".repeat(1000) + "\n").repeat(1100));
        Path folderInstead = Files.createDirectory(folder.resolve("folder.txt"));
        for (Path file : new Path[] {empty, corrupt, unsafe, large, folderInstead}) {
            RecordedList list = RecordedList.load(file.toString(), System.currentTimeMillis());
            assertThat(list.requests()).as("%s", file).isEmpty();
            assertThat(list.problem()).as("%s", file).startsWith("warmup.record=" + file)
                    .endsWith("; no warm-up from the recording this time, the ramp runs as usual, and the next "
                            + "recording overwrites the file");
        }
        assertThat(RecordedList.load(large.toString(), 0L).problem()).contains("larger than 1048576 bytes");
        assertThat(RecordedList.load(empty.toString(), 0L).problem()).contains("no request line");
    }
}
