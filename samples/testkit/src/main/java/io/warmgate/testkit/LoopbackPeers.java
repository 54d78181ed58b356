package io.warmgate.testkit;

import java.util.ArrayList;
import java.util.List;

/** Addresses for simulated load-balancer nodes, all routed to this machine's loopback interface. */
public final class LoopbackPeers {

    /** 127.0.0.1 is left out: it is the address an ordinary local client (curl, a browser) shows up as. */
    private static final int FIRST_HOST = 2;
    private static final int LAST_HOST = 254;

    private LoopbackPeers() {
    }

    /** {@code 127.0.0.2} up to {@code 127.0.0.(n+1)}, in that order. */
    public static List<String> first(int n) {
        int max = LAST_HOST - FIRST_HOST + 1;
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("peer count must be between 1 and " + max + ": " + n);
        }
        List<String> peers = new ArrayList<>(n);
        for (int host = FIRST_HOST; host < FIRST_HOST + n; host++) {
            peers.add("127.0.0." + host);
        }
        return List.copyOf(peers);
    }
}
