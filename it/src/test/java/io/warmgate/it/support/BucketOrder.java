package io.warmgate.it.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders simulated LB nodes by their bucket, to choose who gets the extra requests sent beside the checks. */
public final class BucketOrder {

    private BucketOrder() {
    }

    public static String highest(List<String> peers) {
        return peers.stream().max(Comparator.comparingInt(ExpectedRamp::bucket)).orElseThrow();
    }

    public static String lowest(List<String> peers) {
        return peers.stream().min(Comparator.comparingInt(ExpectedRamp::bucket)).orElseThrow();
    }

    /** The peers whose turn comes last first. */
    public static List<String> highestFirst(List<String> peers) {
        return peers.stream().sorted(Comparator.comparingInt(ExpectedRamp::bucket).reversed()).toList();
    }

    /**
     * Highest bucket, lowest, second highest, second lowest, ... Early in a ramp this reaches both a peer that
     * stays denied for long (for "never gated while denied") and one whose turn comes soon (for "an allowed peer
     * still gets the application's own unhealthy answer").
     */
    public static List<String> highAndLowInTurn(List<String> peers) {
        List<String> byBucket = peers.stream().sorted(Comparator.comparingInt(ExpectedRamp::bucket)).toList();
        List<String> order = new ArrayList<>();
        for (int low = 0, high = byBucket.size() - 1; low <= high; low++, high--) {
            order.add(byBucket.get(high));
            if (low != high) {
                order.add(byBucket.get(low));
            }
        }
        return order;
    }
}
