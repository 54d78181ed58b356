package io.warmgate.agent;

import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.record.LineRules;
import io.warmgate.core.record.TrafficRecorder;
import io.warmgate.core.warmup.RecordedList;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/** {@code warmup.record} at start-up: the recording to replay, and the recorder of this run. */
final class Recordings {

    private Recordings() {
    }

    /** The previous run's recording; a missing file is said once, an unusable one warned about once. */
    static RecordedList replayed(WarmgateConfig config, AgentLog log) {
        RecordedList recorded = RecordedList.load(config.warmupRecord(), System.currentTimeMillis());
        if (recorded.problem() != null) {
            log.warn(recorded.problem());
        } else if (config.warmupRecord() != null && recorded.description() == null) {
            log.info("warmup.record=" + config.warmupRecord() + ": no recording yet, so no warm-up from it this "
                    + "time; this run records one for the next start");
        }
        return recorded;
    }

    /** This run's recorder, not started yet; null without {@code warmup.record} or with a path that is not one. */
    static TrafficRecorder recorder(WarmgateConfig config, AgentLog log) {
        if (config.warmupRecord() == null) {
            return null;
        }
        try {
            return new TrafficRecorder(Paths.get(config.warmupRecord()), config.warmupRecordLines(),
                    new LineRules(config.warmupRecordDropQuery(), config.warmupRecordSecretParams()),
                    TrafficRecorder.DEFAULT_SAMPLE_EVERY, config.warmupRecordIntervalNanos(), log,
                    MonotonicClock.SYSTEM);
        } catch (InvalidPathException bad) {
            log.warn("warmup.record=" + config.warmupRecord() + " is not a valid path (" + bad.getMessage()
                    + "); nothing is recorded");
            return null;
        }
    }
}
