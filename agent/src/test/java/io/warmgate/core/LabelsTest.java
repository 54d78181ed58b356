package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.drain.Drain;
import io.warmgate.core.drain.DrainMode;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.WarmupProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The labels users read in the log, the X-Warmgate header and the MBean, and write in configuration. */
class LabelsTest {

    @Test
    void lowerCaseWithHyphensBetweenWords() {
        assertThat(Labels.of(Drain.State.DRAINING_FOR_SHUTDOWN)).isEqualTo("draining-for-shutdown");
        assertThat(Labels.of(Phase.OPEN)).isEqualTo("open");
    }

    @Test
    void everyEnumShowsTheLabelsItAlwaysShowed() {
        assertThat(labels(Phase.values())).containsExactly("waiting", "warming", "ramping", "open", "draining");
        assertThat(labels(KubeProbeMode.values())).containsExactly("pass", "warmup", "gate");
        assertThat(labels(DrainMode.values())).containsExactly("auto", "on", "off");
        assertThat(labels(Drain.State.values()))
                .containsExactly("idle", "draining", "draining-for-shutdown", "shutting-down");
        assertThat(labels(WarmupProgress.State.values()))
                .containsExactly("off", "pending", "running", "finished", "timed-out", "failed");
        assertThat(labels(TrafficRecorder.State.values())).containsExactly("recording", "stopped");
    }

    private static List<String> labels(Enum<?>[] constants) {
        List<String> labels = new ArrayList<>();
        for (Enum<?> constant : constants) {
            try {
                labels.add((String) constant.getClass().getMethod("label").invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(constant + " has no label()", e);
            }
        }
        return labels;
    }
}
