package io.warmgate.agent;

/**
 * How long each part of the agent's start took, for one {@code log=debug} line: everything here runs before the
 * application's {@code main}, so it is what the agent adds to every start. Plain {@code System.nanoTime} marks.
 */
final class StartupTimes {

    private static final long MILLISECOND = 1000000L;

    private final long entered;
    private final StringBuilder parts = new StringBuilder();
    private long last;

    /**
     * @param entered       when {@code premain} was entered
     * @param bridgeDefined when the bridge was in the boot loader
     */
    StartupTimes(long entered, long bridgeDefined) {
        this.entered = entered;
        this.last = entered;
        mark("bridge", bridgeDefined);
    }

    /** Ends the part named {@code name} now. */
    void mark(String name) {
        mark(name, System.nanoTime());
    }

    private void mark(String name, long now) {
        parts.append(parts.length() == 0 ? "" : ", ").append(name).append(' ').append(tenths(now - last))
                .append(" ms");
        last = now;
    }

    /** "premain took 41.2 ms (bridge 9.0 ms, configuration 12.5 ms, ...)". */
    String describe() {
        return "premain took " + tenths(last - entered) + " ms (" + parts + ")";
    }

    /** Milliseconds with one decimal, without String.format, which would load a formatter at start-up. */
    static String tenths(long nanos) {
        long tenths = (nanos + MILLISECOND / 20) / (MILLISECOND / 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
