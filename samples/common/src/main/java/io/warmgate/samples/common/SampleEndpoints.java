package io.warmgate.samples.common;

/**
 * Paths and header names the samples expose. Paths are relative to the sample's context path
 * ({@code /shop} in the Tomcat sample, the root in the Jetty sample).
 */
public final class SampleEndpoints {

    public static final String HEALTH = "/health";
    public static final String SICK_HEALTH = "/sick/health";
    public static final String LIVENESS = "/livez";
    public static final String STATUS = "/status";
    public static final String ITEMS = "/api/items";
    public static final String STATS = "/api/stats";

    /** Set on both health responses so tests can tell the application's own answer from the agent's. */
    public static final String HEALTH_SOURCE_HEADER = "X-Sample-Health";
    public static final String HEALTH_SOURCE_VALUE = "app";

    /** Marks a request sent by the agent's synthetic warm-up; any value counts. */
    public static final String WARMUP_HEADER = "X-Warmgate-Warmup";

    /** Name of the {@link #ITEMS} query parameter that selects the item. */
    public static final String ITEM_ID_PARAMETER = "id";

    private SampleEndpoints() {
    }
}
