package io.warmgate.core;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;

/**
 * The peer hash and bucket. These must stay bit for bit what the original production health check computed,
 * so that a fleet can mix instances with and without the agent and every load-balancer node lands in the
 * same bucket on all of them. Do not "improve" the hash.
 */
public final class PeerBuckets {

    /** Number of buckets; a peer in bucket b is allowed once the ramp reaches b percent. */
    public static final int BUCKETS = 100;

    private static final HashFunction MURMUR3 = Hashing.murmur3_32_fixed();

    private PeerBuckets() {
    }

    /** Guava's fixed murmur3_32 of the canonical peer address (see {@link PeerAddresses#canonicalize}). */
    public static int hash(String canonicalPeer) {
        return MURMUR3.hashString(canonicalPeer, StandardCharsets.UTF_8).asInt();
    }

    /**
     * The hash with {@code spread=instance}: the same murmur3 of {@code peer + "|" + instance}, where instance
     * is this instance's address and port as the load balancer reaches it (e.g. {@code 10.0.4.2:8080}). Each
     * instance then orders the nodes differently, so instances that ramp at the same moment open different
     * nodes first.
     */
    public static int spreadHash(String canonicalPeer, String instance) {
        return hash(canonicalPeer + "|" + instance);
    }

    /**
     * |hash| mod 100. The absolute value is taken in long arithmetic because {@code Math.abs(Integer.MIN_VALUE)}
     * is still negative in int arithmetic, which would give a negative bucket.
     */
    public static int bucket(int hash) {
        return (int) (absoluteHash(hash) % BUCKETS);
    }

    /** The non-negative form of the hash that logs and the CLI print. */
    public static long absoluteHash(int hash) {
        return Math.abs((long) hash);
    }
}
