package io.warmgate.bench.rollout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every scenario the rollout benchmark knows, by group. A new scenario is one line here (and, if the fleet does
 * something no flow does yet, a new {@link Flow}); it then gets the same repetition, reference, tables and charts
 * as the others.
 */
public final class ScenarioCatalog {

    public static final String JOIN = "join";
    public static final String FLEET_RESTART = "fleet-restart";
    public static final String FAIL_OPEN = "fail-open";
    public static final String STOP_ONE = "stop-one";
    public static final String STOP_ONE_NO_RETRIES = "stop-one-no-retries";
    public static final String GUARD_COST_4 = "guard-cost4";
    public static final String GUARD_COST_8 = "guard-cost8";

    private static final String RED = "#d62728";
    private static final String ORANGE = "#ff7f0e";
    private static final String BLUE = "#1f77b4";
    private static final String GREEN = "#2ca02c";
    private static final String PURPLE = "#9467bd";

    /**
     * The restart groups run with the sample's default cold cost. At the experiment's calibrated cost a cold
     * fleet of three needs about 6.6 cores' worth of first requests at 300 requests/s: on a 2-core machine it never
     * recovered within a run (timeouts to the end, a load average above 30), which measures the machine, not
     * the agent. At the default cost the fleet recovers within the window, so what differs between the
     * scenarios is which nodes have a healthy server and when.
     */
    static final Map<String, String> RESTART_COLD_COST = Map.of("sample.catalog.cost-factor", "1");

    /**
     * The guard is judged on a cold start it can help with: ramp only, no warm-up, at item costs that a cold
     * instance carries only with difficulty (4 and 8 times the sample's default): no agent, then guard off against
     * guard on, with nothing else different.
     */
    static final Map<String, String> GUARD_COST_4_PROPERTIES = Map.of("sample.catalog.cost-factor", "4");
    static final Map<String, String> GUARD_COST_8_PROPERTIES = Map.of("sample.catalog.cost-factor", "8");

    /** In the order they run within one repetition; the first scenario of each group is its baseline. */
    public static final List<Scenario> ALL = List.of(
            new Scenario("no-agent", JOIN, "no agent", Flow.JOIN, Scenario.LbOptions.PLAIN, null, RED),
            new Scenario("haproxy-slowstart", JOIN, "HAProxy slowstart", Flow.JOIN, Scenario.LbOptions.SLOWSTART,
                    null, ORANGE),
            new Scenario("agent-ramp", JOIN, "agent, ramp only", Flow.JOIN, Scenario.LbOptions.PLAIN,
                    AgentSetup.DEFAULTS, BLUE),
            new Scenario("agent-warmup", JOIN, "agent + warm-up", Flow.JOIN, Scenario.LbOptions.PLAIN,
                    AgentSetup.DEFAULTS.withWarmup(), GREEN),
            new Scenario("agent-recorded", JOIN, "agent + recorded warm-up", Flow.JOIN, Scenario.LbOptions.PLAIN,
                    AgentSetup.DEFAULTS.withRecordedWarmup(), PURPLE),

            new Scenario("restart-no-agent", FLEET_RESTART, "no agent", Flow.FLEET_RESTART,
                    Scenario.LbOptions.PLAIN, null, RED, RESTART_COLD_COST),
            new Scenario("restart-agent", FLEET_RESTART, "agent defaults (spread=none)", Flow.FLEET_RESTART,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS, ORANGE, RESTART_COLD_COST),
            new Scenario("restart-agent-spread", FLEET_RESTART, "agent, spread=instance", Flow.FLEET_RESTART,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("spread=instance"), BLUE, RESTART_COLD_COST),
            new Scenario("restart-agent-peers", FLEET_RESTART, "agent, fleet.peers", Flow.FLEET_RESTART,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.withFleetPeers(), GREEN, RESTART_COLD_COST),

            new Scenario("failopen-no-agent", FAIL_OPEN, "no agent", Flow.FLEET_RESTART,
                    Scenario.LbOptions.FAIL_OPEN, null, RED, RESTART_COLD_COST),
            new Scenario("failopen-agent", FAIL_OPEN, "agent defaults", Flow.FLEET_RESTART,
                    Scenario.LbOptions.FAIL_OPEN, AgentSetup.DEFAULTS, ORANGE, RESTART_COLD_COST),
            new Scenario("failopen-agent-peers", FAIL_OPEN, "agent, fleet.peers", Flow.FLEET_RESTART,
                    Scenario.LbOptions.FAIL_OPEN, AgentSetup.DEFAULTS.withFleetPeers(), GREEN, RESTART_COLD_COST),

            new Scenario("stop-no-agent", STOP_ONE, "no agent", Flow.STOP_ONE, Scenario.LbOptions.PLAIN, null, RED),
            new Scenario("stop-agent", STOP_ONE, "agent defaults", Flow.STOP_ONE, Scenario.LbOptions.PLAIN,
                    AgentSetup.DEFAULTS, PURPLE),
            // Without retries, HAProxy shows the client every request that the stopping instance fails.
            new Scenario("stop-noretry-no-agent", STOP_ONE_NO_RETRIES, "no agent, no retries", Flow.STOP_ONE,
                    Scenario.LbOptions.NO_RETRIES, null, RED),
            new Scenario("stop-noretry-agent", STOP_ONE_NO_RETRIES, "agent defaults, no retries", Flow.STOP_ONE,
                    Scenario.LbOptions.NO_RETRIES, AgentSetup.DEFAULTS, PURPLE),

            new Scenario("guard4-no-agent", GUARD_COST_4, "no agent (cost 4)", Flow.JOIN, Scenario.LbOptions.PLAIN,
                    null, RED, GUARD_COST_4_PROPERTIES),
            new Scenario("guard4-off", GUARD_COST_4, "ramp only, guard=off (cost 4)", Flow.JOIN,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("guard=off"), BLUE, GUARD_COST_4_PROPERTIES),
            new Scenario("guard4-on", GUARD_COST_4, "ramp only, guard on (cost 4)", Flow.JOIN,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("guard=on"), GREEN, GUARD_COST_4_PROPERTIES),
            new Scenario("guard4-p99", GUARD_COST_4, "ramp only, guard.p99=10ms (cost 4)", Flow.JOIN,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("guard.p99=10ms"), PURPLE,
                    GUARD_COST_4_PROPERTIES),
            new Scenario("guard8-no-agent", GUARD_COST_8, "no agent (cost 8)", Flow.JOIN, Scenario.LbOptions.PLAIN,
                    null, RED, GUARD_COST_8_PROPERTIES),
            new Scenario("guard8-off", GUARD_COST_8, "ramp only, guard=off (cost 8)", Flow.JOIN,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("guard=off"), BLUE, GUARD_COST_8_PROPERTIES),
            new Scenario("guard8-on", GUARD_COST_8, "ramp only, guard on (cost 8)", Flow.JOIN,
                    Scenario.LbOptions.PLAIN, AgentSetup.DEFAULTS.with("guard=on"), GREEN, GUARD_COST_8_PROPERTIES));

    private ScenarioCatalog() {
    }

    /** The groups, in catalog order. */
    public static List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        ALL.forEach(scenario -> groups.add(scenario.group()));
        return List.copyOf(groups);
    }

    /**
     * Parses {@code all}, or a comma-separated list of group names and scenario keys. The result keeps catalog
     * order (so a group's baseline runs first) and holds each scenario once.
     */
    public static List<Scenario> parse(String text) {
        Set<Scenario> chosen = new LinkedHashSet<>();
        for (String token : text.split(",")) {
            String name = token.trim();
            if (name.isEmpty()) {
                continue;
            }
            List<Scenario> matched = ALL.stream().filter(scenario -> name.equals("all")
                    || scenario.group().equals(name) || scenario.key().equals(name)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("unknown scenario or group '" + name + "' (expected all, a group: "
                        + String.join(",", groups()) + ", or scenarios: " + String.join(",", keys()) + ")");
            }
            chosen.addAll(matched);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no scenario chosen");
        }
        return ALL.stream().filter(chosen::contains).toList();
    }

    public static Scenario byKey(String key) {
        return ALL.stream().filter(scenario -> scenario.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + key + "'"));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        ALL.forEach(scenario -> keys.add(scenario.key()));
        return keys;
    }
}
