package io.warmgate.bench.jmh;

/** Ten load-balancer node addresses, the same as the rollout experiment's nodes. */
final class LbNodes {

    static final String[] ADDRESSES = {
        "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6",
        "127.0.0.7", "127.0.0.8", "127.0.0.9", "127.0.0.10", "127.0.0.11"
    };

    private LbNodes() {
    }
}
