package io.warmgate.bench.rollout;

/**
 * The seconds of one scenario run that the summary looks at, counted from the start of the load.
 *
 * @param settleEnd   the end of the settle time: the first second counted as "before the event"
 * @param eventSecond when the event happened (launch, restart, stop)
 * @param windowStart the start of the window after the event (the event itself, or the first request a joining
 *                    instance answered)
 * @param windowEnd   the end of that window (exclusive)
 * @param endSecond   the end of the run (exclusive)
 * @param tailSeconds how many seconds at the end make the reference "after the window"
 */
public record Timeline(int settleEnd, int eventSecond, int windowStart, int windowEnd, int endSecond,
                       int tailSeconds) {

    /**
     * @param firstRequest the first second the tracked instance answered, or -1 (the window then starts at the
     *                     event, so a scenario that never joined is still measured)
     */
    public static Timeline of(Flow flow, int settleEnd, int eventSecond, int firstRequest, int windowSeconds,
                              int endSecond, int tailSeconds) {
        int start = flow.windowFromFirstRequest() && firstRequest >= 0 ? firstRequest : eventSecond;
        return new Timeline(settleEnd, eventSecond, start, start + windowSeconds, endSecond, tailSeconds);
    }

    /** The first second of the reference "after the window": the last {@code tailSeconds}, never inside it. */
    public int afterStart() {
        return Math.min(endSecond, Math.max(windowEnd, endSecond - tailSeconds));
    }
}
