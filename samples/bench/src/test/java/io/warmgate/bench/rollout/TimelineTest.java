package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void aJoinsWindowStartsAtTheFirstRequestAndARestartsAtTheEvent() {
        Timeline join = Timeline.of(Flow.JOIN, 5, 20, 23, 60, 103, 20);
        Timeline restart = Timeline.of(Flow.FLEET_RESTART, 5, 20, 23, 60, 100, 20);

        assertThat(join.windowStart()).isEqualTo(23);
        assertThat(join.windowEnd()).isEqualTo(83);
        assertThat(join.afterStart()).isEqualTo(83);
        assertThat(restart.windowStart()).isEqualTo(20);
        assertThat(restart.windowEnd()).isEqualTo(80);
    }

    @Test
    void aJoinThatNeverHappenedIsMeasuredFromTheLaunch() {
        assertThat(Timeline.of(Flow.JOIN, 5, 20, -1, 60, 100, 20).windowStart()).isEqualTo(20);
    }

    @Test
    void theReferenceIsTheLastSecondsButNeverInsideTheWindow() {
        assertThat(Timeline.of(Flow.STOP_ONE, 5, 20, -1, 60, 110, 20).afterStart()).isEqualTo(90);
        // A run cut short: the tail would reach into the window, so it starts where the window ends.
        assertThat(Timeline.of(Flow.STOP_ONE, 5, 20, -1, 60, 90, 20).afterStart()).isEqualTo(80);
        assertThat(Timeline.of(Flow.STOP_ONE, 5, 20, -1, 60, 70, 20).afterStart()).isEqualTo(70);
    }
}
