package io.warmgate.bench.rollout;

/**
 * What happens to the fleet in a scenario. Each flow is one class that drives it ({@link JoinFlow},
 * {@link FleetRestartFlow}, {@link StopOneFlow}); every flow shares the same HAProxy, load, recorder and
 * summary, so a new scenario is a new {@link Scenario} entry and, only when the fleet does something new, a new
 * flow.
 */
public enum Flow {
    /** Two warm instances serve; a cold third is launched and joins. The window starts at its first request. */
    JOIN("third instance launched", "the new instance's share", true),
    /** Three warm instances serve; all three are stopped together and started again cold. */
    FLEET_RESTART("whole fleet restarted", "share of requests that failed", false),
    /** Three warm instances serve; one gets SIGTERM and is not restarted. */
    STOP_ONE("one instance stopped (SIGTERM)", "the stopped instance's share", false);

    private final String eventLabel;
    private final String shareLabel;
    private final boolean windowFromFirstRequest;

    Flow(String eventLabel, String shareLabel, boolean windowFromFirstRequest) {
        this.eventLabel = eventLabel;
        this.shareLabel = shareLabel;
        this.windowFromFirstRequest = windowFromFirstRequest;
    }

    /** The event at t = 0 of the chart and the CSV. */
    public String eventLabel() {
        return eventLabel;
    }

    /** What the chart's lower panel shows: the share of traffic answered by the instance(s) the event is about. */
    public String shareLabel() {
        return shareLabel;
    }

    /**
     * Whether the window after the event starts at the tracked instance's first answered request (a join: each
     * scenario's window then covers its own ramp) or at the event itself (a restart or a stop).
     */
    public boolean windowFromFirstRequest() {
        return windowFromFirstRequest;
    }
}
