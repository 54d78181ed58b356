package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final long ORIGIN = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void windowReferenceErrorsAndSecondsWithoutAHealthyServerComeFromTheirOwnSeconds() {
        SecondsRecorder recorder = new SecondsRecorder(ORIGIN, 20);
        for (int second = 0; second < 20; second++) {
            long latency = second >= 10 && second < 13 ? 800 * MILLI : 2 * MILLI; // the window hurts
            for (int i = 0; i < 100; i++) {
                long due = ORIGIN + second * SECOND + i * 10 * MILLI;
                recorder.recordAnswer(due, due + latency, 200, "fleet-1", false);
            }
        }
        recorder.recordAnswer(ORIGIN + 11 * SECOND, ORIGIN + 11 * SECOND + MILLI, 503, null, false);
        recorder.recordFailure(ORIGIN + 19 * SECOND, ORIGIN + 19 * SECOND + MILLI); // after the window
        Timeline timeline = Timeline.of(Flow.FLEET_RESTART, 2, 10, -1, 5, 20, 5);

        Summary summary = Summary.of(recorder, timeline, Map.of(9, 3, 10, 2, 11, 0, 12, 1), 4.5);

        assertThat(summary.windowMaxMs()).isBetween(799.0, 801.0);
        assertThat(summary.windowP99Ms()).isBetween(799.0, 801.0);
        assertThat(summary.afterP99Ms()).isBetween(1.99, 2.01);
        assertThat(summary.windowToAfterP99()).isBetween(399.0, 401.0);
        assertThat(summary.windowErrors()).isEqualTo(new ErrorCounts(1, 0, 0, 0));
        assertThat(summary.errors()).isEqualTo(2);
        assertThat(summary.requests()).isEqualTo(2002);
        // Second 9 is before the event and not counted; 10 and 12 had a node without a healthy server.
        assertThat(summary.secondsWithoutHealthyServer()).isEqualTo(2);
        assertThat(summary.exitSeconds()).isEqualTo(4.5);
        assertThat(summary.firstTrafficAfterS()).isEqualTo(-1);
    }
}
