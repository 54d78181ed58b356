package io.warmgate.samples.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSlowdownTest {

    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        long start = System.nanoTime();
        SampleSlowdown.fromSystemProperty().apply();
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
    }

    @Test
    void theFileSaysHowLongToWaitAndIsReadAgain() throws Exception {
        Path file = dir.resolve("slow");
        SampleSlowdown slowdown = new SampleSlowdown(file);
        assertThat(slowdown.currentDelayMillis()).as("no file").isZero();
        Files.writeString(file, "120\n");
        Thread.sleep(SampleSlowdown.REREAD_MILLIS + 20);
        assertThat(slowdown.currentDelayMillis()).isEqualTo(120);
        long start = System.nanoTime();
        slowdown.apply();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(120_000_000L);
        Files.writeString(file, "0");
        Thread.sleep(SampleSlowdown.REREAD_MILLIS + 20);
        assertThat(slowdown.currentDelayMillis()).isZero();
    }

    @Test
    void oddContentMeansNoDelayAndHugeValuesAreCapped() throws Exception {
        Path file = dir.resolve("slow");
        Files.writeString(file, "slow please");
        assertThat(SampleSlowdown.read(file)).isZero();
        Files.writeString(file, "-5");
        assertThat(SampleSlowdown.read(file)).isZero();
        Files.writeString(file, "99999999");
        assertThat(SampleSlowdown.read(file)).isEqualTo(SampleSlowdown.MAX_DELAY_MILLIS);
    }
}
