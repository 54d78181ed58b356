package io.warmgate.core;

/**
 * The peer hash and bucket. These must stay bit for bit what the original production health check computed,
 * so that a fleet can mix instances with and without the agent and every load-balancer node lands in the
 * same bucket on all of them. Do not "improve" the hash.
 */
public final class PeerBuckets {

    /** Number of buckets; a peer in bucket b is allowed once the ramp reaches b percent. */
    public static final int BUCKETS = 100;

    private PeerBuckets() {
    }

    /**
     * Murmur3 (x86, 32 bits, seed 0) of the canonical peer address's UTF-8 bytes (see
     * {@link PeerAddresses#canonicalize}): Guava's {@code murmur3_32_fixed}, bit for bit.
     */
    public static int hash(String canonicalPeer) {
        return Murmur3.hashUtf8(canonicalPeer);
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
