package io.warmgate.it.robustness;

import io.warmgate.it.support.ExpectedRamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Load-balancer node addresses for the robustness tests, chosen with the test oracle ({@link ExpectedRamp}),
 * never with the agent's code. All of 127.0.0.0/8 reaches the loopback interface on Linux.
 */
final class Peers {

    private Peers() {
    }

    /**
     * {@code count} distinct loopback addresses from 127.0.0.2 on, continuing into 127.0.1.x, 127.0.2.x...
     * (host parts 1 to 254 only, and never 127.0.0.1, the address of an ordinary local client).
     */
    static List<String> loopback(int count) {
        List<String> peers = new ArrayList<>(count);
        for (int third = 0; third < 256 && peers.size() < count; third++) {
            for (int fourth = 1; fourth <= 254 && peers.size() < count; fourth++) {
                if (third == 0 && fourth == 1) {
                    continue;
                }
                peers.add("127.0." + third + "." + fourth);
            }
        }
        if (peers.size() < count) {
            throw new IllegalArgumentException("too many peers: " + count);
        }
        return List.copyOf(peers);
    }

    /** The first {@code count} loopback peers whose oracle bucket satisfies {@code bucket}. */
    static List<String> withBucket(int count, IntPredicate bucket) {
        List<String> chosen = loopback(2_000).stream().filter(peer -> bucket.test(ExpectedRamp.bucket(peer)))
                .limit(count).toList();
        if (chosen.size() < count) {
            throw new IllegalStateException("fewer than " + count + " loopback peers with the wanted buckets");
        }
        return chosen;
    }

    /**
     * Peers that a long ramp keeps denied for the whole test: bucket 50 or more is allowed only after half of
     * the window, and the tests using these run for seconds of an hour-long window.
     */
    static List<String> deniedDuringLongRamp(int count) {
        return withBucket(count, bucket -> bucket >= 50);
    }

    /** Peers in bucket 0: allowed from the first moment of the ramp (0 <= percent always holds). */
    static List<String> allowedFromTheStart(int count) {
        return withBucket(count, bucket -> bucket == 0);
    }
}
