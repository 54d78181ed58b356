package io.warmgate.bench.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The four ways the third instance can join, compared in the same setup. Only the joining instance and the
 * HAProxy server options differ between them; the two warm instances, the load and the nodes are the same.
 */
public enum Scenario {
    /** Plain round robin: the new instance gets its full share as soon as each node's health check passes. */
    NO_AGENT("no agent", false, false, false, "#d62728"),
    /** HAProxy's own slow start: each node raises the new server's weight from 0 over the ramp duration. */
    HAPROXY_SLOWSTART("HAProxy slowstart", true, false, false, "#ff7f0e"),
    /** The agent's per-node ramp, no warm-up. */
    AGENT_RAMP("agent, ramp only", false, true, false, "#1f77b4"),
    /** The agent's synthetic warm-up (every node denied while it runs), then the ramp. */
    AGENT_WARMUP("agent + warm-up", false, true, true, "#2ca02c");

    private final String title;
    private final boolean slowstart;
    private final boolean agent;
    private final boolean warmup;
    private final String color;

    Scenario(String title, boolean slowstart, boolean agent, boolean warmup, String color) {
        this.title = title;
        this.slowstart = slowstart;
        this.agent = agent;
        this.warmup = warmup;
        this.color = color;
    }

    /** Short name used in file names, the CSV and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public boolean slowstart() {
        return slowstart;
    }

    public boolean agent() {
        return agent;
    }

    public boolean warmup() {
        return warmup;
    }

    /** Line colour in the chart. */
    public String color() {
        return color;
    }

    /** Parses {@code all} or a comma-separated list of keys, keeping the given order. */
    public static List<Scenario> parseList(String text) {
        if (text.trim().equals("all")) {
            return List.of(values());
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String key : text.split(",")) {
            scenarios.add(fromKey(key.trim()));
        }
        return List.copyOf(scenarios);
    }

    static Scenario fromKey(String key) {
        for (Scenario scenario : values()) {
            if (scenario.key().equals(key)) {
                return scenario;
            }
        }
        List<String> keys = new ArrayList<>();
        for (Scenario scenario : values()) {
            keys.add(scenario.key());
        }
        throw new IllegalArgumentException("unknown scenario '" + key + "' (expected all or some of "
                + String.join(",", keys) + ")");
    }
}
