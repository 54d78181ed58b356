package io.warmgate.it.deploy;

import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.LoopbackPeers;
import java.util.List;

/** Load-balancer node addresses chosen by bucket, so a test knows which nodes a young ramp denies. */
final class DeployPeers {

    private DeployPeers() {
    }

    /** The first {@code count} addresses among 127.0.0.2-250 whose bucket is at least {@code minBucket}. */
    static List<String> withBucketAtLeast(int minBucket, int count) {
        List<String> found = LoopbackPeers.first(249).stream()
                .filter(peer -> ExpectedRamp.bucket(peer) >= minBucket)
                .limit(count)
                .toList();
        if (found.size() < count) {
            throw new IllegalStateException("only " + found.size() + " loopback peers with bucket >= " + minBucket);
        }
        return found;
    }
}
