package io.warmgate.bench.rollout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a scenario attaches the agent: every configuration is only agent arguments. The ramp duration always comes
 * from the experiment's {@code --ramp}, so scenarios that differ in one key differ in nothing else.
 *
 * @param warmup     the synthetic warm-up over every item id before the ramp
 * @param fleetPeers {@code fleet.peers} set to the instance's siblings (same health path as the LB checks)
 * @param extra      further {@code key=value} arguments, comma-separated (e.g. {@code spread=instance}), or empty
 */
public record AgentSetup(boolean warmup, boolean fleetPeers, String extra) {

    /** The agent with its defaults, only the ramp duration set. */
    public static final AgentSetup DEFAULTS = new AgentSetup(false, false, "");

    public AgentSetup {
        extra = extra == null ? "" : extra.trim();
    }

    public AgentSetup withWarmup() {
        return new AgentSetup(true, fleetPeers, extra);
    }

    public AgentSetup withFleetPeers() {
        return new AgentSetup(warmup, true, extra);
    }

    public AgentSetup with(String arguments) {
        return new AgentSetup(warmup, fleetPeers, extra.isEmpty() ? arguments : extra + "," + arguments);
    }

    /**
     * The {@code -javaagent} argument string.
     *
     * @param ramp        the ramp duration
     * @param warmupFile  the warm-up's request file (used only with {@link #warmup})
     * @param warmupRounds rounds of the warm-up
     * @param siblings    the other instances' {@code host:port} (used only with {@link #fleetPeers})
     */
    public String render(Duration ramp, Path warmupFile, int warmupRounds, List<String> siblings) {
        List<String> args = new ArrayList<>();
        args.add("duration=" + ramp.toMillis() + "ms");
        if (warmup) {
            args.add("warmup.file=" + warmupFile);
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
