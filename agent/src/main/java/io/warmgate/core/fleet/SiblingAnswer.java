package io.warmgate.core.fleet;

/** What one sibling said to the fleet check. */
public final class SiblingAnswer {

    /**
     * The {@code X-Warmgate} value of a sibling whose gate is open but opened without a ramp, recently, in a
     * whole-fleet start: it serves every node, but it is cold.
     */
    public static final String OPEN_BUT_COLD_STATE = "phase=open; cold";

    private final boolean open;
    private final boolean servesEveryNode;
    private final String summary;

    private SiblingAnswer(boolean open, boolean servesEveryNode, String summary) {
        this.open = open;
        this.servesEveryNode = servesEveryNode;
        this.summary = summary;
    }

    /** The sibling answered healthy and is not ramping, warming or draining: it serves every node. */
    public static SiblingAnswer open(String summary) {
        return new SiblingAnswer(true, true, summary);
    }

    /**
     * The sibling serves every node but opened without a ramp moments ago, with the rest of its fleet: not open
     * for the ramp's purpose (ramping behind a cold sibling only overloads it), but a server a drain can leave
     * the traffic to.
     */
    public static SiblingAnswer openButCold(String summary) {
        return new SiblingAnswer(false, true, summary);
    }

    /** Unhealthy, not open yet, unreachable or too slow. */
    public static SiblingAnswer notOpen(String summary) {
        return new SiblingAnswer(false, false, summary);
    }

    /** Healthy, serving every node, and warm enough that a new instance should ramp beside it. */
    public boolean isOpen() {
        return open;
    }

    /** Serving every node, warm or not: somewhere the load balancer can send the traffic. */
    public boolean servesEveryNode() {
        return servesEveryNode;
    }

    /** For the log: {@code 200}, {@code 503 phase=ramping}, {@code connection refused}, ... */
    public String summary() {
        return summary;
    }
}
