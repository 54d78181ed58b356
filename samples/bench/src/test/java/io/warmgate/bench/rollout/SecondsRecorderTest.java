package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecondsRecorderTest {

    private static final long ORIGIN = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void chargesLatencyFromTheIntendedSendTimeToTheSecondItWasDueIn() {
        SecondsRecorder recorder = new SecondsRecorder(ORIGIN, 10);

        // Due at 1.5 s, answered at 3.5 s: two seconds late, counted in second 1 (when it was due).
        recorder.recordAnswer(ORIGIN + SECOND + 500 * MILLI, ORIGIN + 3 * SECOND + 500 * MILLI, 200, "warm-1", false);

        List<SecondStats> rows = recorder.seconds(4);
        assertThat(rows.get(1).answered()).isEqualTo(1);
        assertThat(rows.get(1).maxMicros()).isBetween(1_999_000L, 2_001_000L);
        assertThat(rows.get(3).requests()).isZero();
    }

    @Test
    void countsErrorsAndTheNewInstancesShare() {
        SecondsRecorder recorder = new SecondsRecorder(ORIGIN, 10);
        long due = ORIGIN + 2 * SECOND;
        recorder.recordAnswer(due, due + MILLI, 200, "new", true);
        recorder.recordAnswer(due, due + MILLI, 200, "warm-1", false);
        recorder.recordAnswer(due, due + MILLI, 200, "warm-1", false);
        recorder.recordAnswer(due, due + MILLI, 200, "new", true);
        recorder.recordAnswer(due, due + MILLI, 503, null, false);
        recorder.recordFailure(due, due + 10 * SECOND);

        SecondStats second = recorder.seconds(3).get(2);
        assertThat(second.answered()).isEqualTo(4);
        assertThat(second.errors()).isEqualTo(2);
        assertThat(second.newInstanceShare()).isEqualTo(0.5);
        // The timed-out request is in the latency too: at least its timeout.
        assertThat(second.maxMicros()).isGreaterThanOrEqualTo(9_990_000L);
        assertThat(recorder.firstSecondWithNewInstanceTraffic()).isEqualTo(2);
        assertThat(recorder.errors(0, 10)).isEqualTo(new ErrorCounts(1, 0, 1, 0));
        assertThat(recorder.answeredTotal()).isEqualTo(4);
    }

    @Test
    void splitsErrorsByKindTellingHaproxysOwn503FromAnInstances() {
        SecondsRecorder recorder = new SecondsRecorder(ORIGIN, 10);
        long due = ORIGIN + SECOND;
        recorder.recordAnswer(due, due + MILLI, 503, null, false);       // HAProxy: no server
        recorder.recordAnswer(due, due + MILLI, 503, "new", true);       // the instance itself
        recorder.recordAnswer(due, due + MILLI, 502, null, false);       // HAProxy: server failed mid-request
        recorder.recordAnswer(due, due + MILLI, 404, "warm-1", false);
        recorder.recordFailure(due + SECOND, due + 2 * SECOND);

        assertThat(recorder.errors(1, 2)).isEqualTo(new ErrorCounts(1, 2, 0, 1));
        assertThat(recorder.errors(0, 10)).isEqualTo(new ErrorCounts(1, 2, 1, 1));
        assertThat(recorder.errors(2, 10).total()).isEqualTo(1);
        assertThat(recorder.seconds(2).get(1).answered()).isZero();
    }

    @Test
    void mergesAWindowOfSecondsAndIgnoresRequestsOutsideTheRecordedRange() {
        SecondsRecorder recorder = new SecondsRecorder(ORIGIN, 3);
        for (int second = 0; second < 3; second++) {
            recorder.recordAnswer(ORIGIN + second * SECOND, ORIGIN + second * SECOND + (second + 1) * MILLI, 200,
                    "warm-1", false);
        }
        recorder.recordAnswer(ORIGIN - SECOND, ORIGIN, 200, "warm-1", false);
        recorder.recordAnswer(ORIGIN + 7 * SECOND, ORIGIN + 7 * SECOND + MILLI, 200, "warm-1", false);

        assertThat(recorder.merged(1, 3).getTotalCount()).isEqualTo(2);
        assertThat(recorder.merged(0, 3).getMaxValue()).isBetween(2_990L, 3_010L);
        assertThat(recorder.firstSecondWithNewInstanceTraffic()).isEqualTo(-1);
    }
}
