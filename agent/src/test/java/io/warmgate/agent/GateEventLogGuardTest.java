package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.GuardReading;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GateEventLogGuardTest {

    private static final long SECOND = 1_000_000_000L;
    private static final GuardReading SLOW = new GuardReading(true, 412, 0, 48_500_000L, 8_100_000L, 3_100_000L,
            0.0, 0.05);
    private static final GuardReading FAST = new GuardReading(false, 380, 0, 3_000_000L, 8_100_000L, 3_100_000L,
            0.0, 0.05);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(SECOND);
    private final GateEventLog events = new GateEventLog(
            new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8)), false, now::get);

    private List<String> lines() {
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void pauseAndResumeLinesCarryTheP99AndTheGuard() {
        events.rampPaused(23.0, 1, SLOW);
        events.rampResumed(23.0, 6_250_000_000L, FAST);
        assertThat(lines()).containsExactly(
                "[warmgate] ramp paused at 23.0% (pause 1): business p99 48.5ms (guard 8.1ms from the best p99 3.1ms), "
                        + "5xx 0.0% (guard 5.0%) of 412 requests; no new node is let in until the instance recovers",
                "[warmgate] ramp resumed at 23.0% after 6.25s: business p99 3ms (guard 8.1ms from the best p99 3.1ms), "
                        + "5xx 0.0% (guard 5.0%) of 380 requests");
    }

    @Test
    void aFlappingGuardIsLoggedAtMostOncePer10SecondsAndSaysHowManyLinesWereHeldBack() {
        events.rampPaused(20.0, 1, SLOW);
        now.addAndGet(SECOND);
        events.rampResumed(20.0, SECOND, FAST);
        for (int pause = 2; pause <= 4; pause++) {
            now.addAndGet(SECOND);
            events.rampPaused(21.0, pause, SLOW);
            now.addAndGet(SECOND);
            events.rampResumed(21.0, SECOND, FAST);
        }
        now.addAndGet(10 * SECOND);
        events.rampPaused(22.0, 5, SLOW);
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(2)).contains("(pause 5)", "(3 pause lines held back since the last one)");
    }

    @Test
    void theEndOfRampLineHasThePauseOnlyWhenThereWasOne() {
        events.rampFinished(72_400_000_000L, 12_300_000_000L, 2, 10, 9);
        events.rampFinished(60_100_000_000L, 0L, 0, 10, 9);
        assertThat(lines().get(0)).contains("(noticed 72.4s after the ramp started, of which the guard held it 12.3s "
                + "in 2 pauses); 10 peers seen");
        assertThat(lines().get(1)).contains("(noticed 60.1s after the ramp started); 10 peers seen");
    }
}
