package io.warmgate.bench.rollout;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One way of running the fleet through one event, compared against the others in the same setup.
 *
 * @param key       short name for the command line, the CSV and file names; unique
 * @param group     scenarios of one group share a flow and a load balancer and are compared with each other
 *                  (one table and one chart per group); the first of a group is its no-agent baseline
 * @param title     the name in tables and charts
 * @param flow      what happens to the fleet
 * @param lb        HAProxy's options in this scenario
 * @param agent     how the instances the event is about run the agent; {@code null}: without it
 * @param color     line colour in the chart
 * @param sampleProperties system properties for the instances the event is about, over the experiment's own
 *                  (e.g. another {@code sample.catalog.cost-factor} for a scenario that needs a costlier cold
 *                  start); the warm instances keep the experiment's
 */
public record Scenario(String key, String group, String title, Flow flow, LbOptions lb, AgentSetup agent,
                       String color, Map<String, String> sampleProperties) {

    /** A scenario whose instances run with the experiment's own system properties. */
    public Scenario(String key, String group, String title, Flow flow, LbOptions lb, AgentSetup agent,
                    String color) {
        this(key, group, title, flow, lb, agent, color, Map.of());
    }

    /**
     * What differs in HAProxy's configuration between scenarios.
     *
     * @param retries {@code retries 2} with {@code option redispatch} (the usual production setting), or
     *                {@code retries 0}, which shows every request an instance fails instead of hiding it
     */
    public record LbOptions(boolean slowstart, boolean failOpen, boolean retries) {
        public static final LbOptions PLAIN = new LbOptions(false, false, true);
        public static final LbOptions SLOWSTART = new LbOptions(true, false, true);
        public static final LbOptions FAIL_OPEN = new LbOptions(false, true, true);
        public static final LbOptions NO_RETRIES = new LbOptions(false, false, false);
    }

    public Scenario {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(lb, "lb");
        sampleProperties = Map.copyOf(sampleProperties);
        if (!key.equals(key.toLowerCase(Locale.ROOT)) || key.contains(",") || key.isBlank()) {
            throw new IllegalArgumentException("a scenario key is lower case without commas: " + key);
        }
    }

    public boolean withAgent() {
        return agent != null;
    }
}
