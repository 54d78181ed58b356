package io.warmgate.bench.calibration;

import io.warmgate.bench.Statistics;
import io.warmgate.bench.rollout.SecondStats;
import java.util.List;

/** When a cold instance under load counts as warm, from its per-second figures. */
final class WarmUpTime {

    /** The settled level is the median p99 of this many last seconds. */
    static final int SETTLED_SECONDS = 5;
    /** A second is "warm" when its p99 is under this multiple of the settled level. */
    static final double TOLERANCE = 2.0;

    private WarmUpTime() {
    }

    /**
     * The first second from which every later second's p99 stays under {@value #TOLERANCE} times the median
     * p99 of the last {@value #SETTLED_SECONDS} seconds; -1 when there are too few seconds to tell.
     */
    static int secondsUntilSettled(List<SecondStats> seconds) {
        if (seconds.size() <= SETTLED_SECONDS) {
            return -1;
        }
        double settled = Statistics.median(seconds.subList(seconds.size() - SETTLED_SECONDS, seconds.size())
                .stream().map(row -> (double) row.p99Micros()).toList());
        int warmFrom = seconds.size();
        for (int i = seconds.size() - 1; i >= 0; i--) {
            if (seconds.get(i).p99Micros() >= TOLERANCE * settled) {
                break;
            }
            warmFrom = i;
        }
        return warmFrom >= seconds.size() - SETTLED_SECONDS ? -1 : seconds.get(warmFrom).second();
    }
}
