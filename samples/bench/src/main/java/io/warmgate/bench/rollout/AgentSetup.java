package io.warmgate.bench.rollout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a scenario attaches the agent: every configuration is only agent arguments. The ramp duration always comes
 * from the experiment's {@code --ramp}, so scenarios that differ in one key differ in nothing else.
 *
 * @param warmup         the synthetic warm-up over every item id before the ramp (a hand-written list)
 * @param recordedWarmup the warm-up from {@code warmup.record}: the list the warm instances recorded from the
 *                       load they served (see {@link #recordingArgs}), and no hand-written list
 * @param fleetPeers     {@code fleet.peers} set to the instance's siblings (same health path as the LB checks)
 * @param extra          further {@code key=value} arguments, comma-separated (e.g. {@code spread=instance}), or empty
 */
public record AgentSetup(boolean warmup, boolean recordedWarmup, boolean fleetPeers, String extra) {

    /** The agent with its defaults, only the ramp duration set. */
    public static final AgentSetup DEFAULTS = new AgentSetup(false, false, false, "");

    /** How often the recording instances write their file: often enough that it exists before the first join. */
    static final String RECORD_INTERVAL = "5s";

    public AgentSetup {
        extra = extra == null ? "" : extra.trim();
        if (warmup && recordedWarmup) {
            throw new IllegalArgumentException("a scenario warms up from a hand-written list or a recording, not both");
        }
    }

    public AgentSetup withWarmup() {
        return new AgentSetup(true, false, fleetPeers, extra);
    }

    public AgentSetup withRecordedWarmup() {
        return new AgentSetup(false, true, fleetPeers, extra);
    }

    public AgentSetup withFleetPeers() {
        return new AgentSetup(warmup, recordedWarmup, true, extra);
    }

    public AgentSetup with(String arguments) {
        return new AgentSetup(warmup, recordedWarmup, fleetPeers, extra.isEmpty() ? arguments : extra + "," + arguments);
    }

    /**
     * The agent arguments of the warm instances when a scenario replays a recording: they record the load they
     * serve into {@code recordFile} and gate nothing that matters (a 1 ms ramp, no drain), so that they serve
     * every scenario of the run as they would without the agent. {@code lines} is the recording's size: the
     * experiment's item ids, so that a recording can cover the whole catalog as the hand-written list does.
     */
    public static String recordingArgs(Path recordFile, int lines) {
        return "duration=1ms,drain=off,warmup.record=" + recordFile + ",warmup.record.lines=" + lines
                + ",warmup.record.interval=" + RECORD_INTERVAL;
    }

    /**
     * The {@code -javaagent} argument string.
     *
     * @param ramp        the ramp duration
     * @param warmupFile  the warm-up's request file (used only with {@link #warmup})
     * @param recordFile  the warm instances' recording (used only with {@link #recordedWarmup})
     * @param warmupRounds rounds of the warm-up
     * @param siblings    the other instances' {@code host:port} (used only with {@link #fleetPeers})
     */
    public String render(Duration ramp, Path warmupFile, Path recordFile, int warmupRounds, List<String> siblings) {
        List<String> args = new ArrayList<>();
        args.add("duration=" + ramp.toMillis() + "ms");
        if (warmup) {
            args.add("warmup.file=" + warmupFile);
        }
        if (recordedWarmup) {
            // The same key as the recording instances: replayed at start, and this instance records in turn.
            args.add("warmup.record=" + recordFile);
            args.add("warmup.record.interval=" + RECORD_INTERVAL);
        }
        if (warmup || recordedWarmup) {
            args.add("warmup.rounds=" + warmupRounds);
            args.add("warmup.concurrency=2");
            args.add("warmup.timeout=120s");
        }
        if (fleetPeers) {
            if (siblings.isEmpty()) {
                throw new IllegalArgumentException("fleet.peers needs at least one sibling instance");
            }
            // Inside one agent argument, list values are separated by ';' (',' separates the arguments).
            args.add("fleet.peers=" + String.join(";", siblings));
        }
        if (!extra.isEmpty()) {
            args.add(extra);
        }
        return String.join(",", args);
    }
}
