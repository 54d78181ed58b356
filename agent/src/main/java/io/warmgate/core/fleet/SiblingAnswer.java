package io.warmgate.core.fleet;

/** What one sibling said to the fleet check. */
public final class SiblingAnswer {

    private final boolean open;
    private final String summary;

    private SiblingAnswer(boolean open, String summary) {
        this.open = open;
        this.summary = summary;
    }

    /** The sibling answered healthy and is not ramping, warming or draining: it serves every node. */
    public static SiblingAnswer open(String summary) {
        return new SiblingAnswer(true, summary);
    }

    /** Unhealthy, not open yet, unreachable or too slow. */
    public static SiblingAnswer notOpen(String summary) {
        return new SiblingAnswer(false, summary);
    }

    public boolean isOpen() {
        return open;
    }

    /** For the log: {@code 200}, {@code 503 phase=ramping}, {@code connection refused}, ... */
    public String summary() {
        return summary;
    }
}
