package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What HAProxy's nodes saw, sampled about once a second from its statistics: how many nodes route to the
 * tracked instance, and how many had no healthy server at all.
 */
final class NodeWatch {

    private final List<String> backends;
    private final List<String> checkedServers;
    private final String trackedServer;
    private final Map<Integer, Integer> routingToTracked = new ConcurrentSkipListMap<>();
    private final Map<Integer, Integer> withoutHealthyServer = new ConcurrentSkipListMap<>();

    /**
     * @param trackedServer the server whose UP count is followed, or empty when no single instance is tracked
     */
    NodeWatch(List<String> backends, List<String> checkedServers, String trackedServer) {
        this.backends = List.copyOf(backends);
        this.checkedServers = List.copyOf(checkedServers);
        this.trackedServer = trackedServer;
    }

    void record(int second, List<HaproxyStats.ServerState> states) {
        if (!trackedServer.isEmpty()) {
            routingToTracked.put(second, HaproxyStats.backendsWithServerUp(states, backends, trackedServer));
        }
        withoutHealthyServer.put(second, HaproxyStats.backendsWithoutServerUp(states, backends, checkedServers));
    }

    Map<Integer, Integer> routingToTracked() {
        return Map.copyOf(routingToTracked);
    }

    Map<Integer, Integer> withoutHealthyServer() {
        return Map.copyOf(withoutHealthyServer);
    }

    /** Sampled seconds in [from, to) in which at least one node had no healthy server. */
    static int secondsWithANodeWithoutHealthyServer(Map<Integer, Integer> withoutHealthyServer, int from, int to) {
        int seconds = 0;
        for (Map.Entry<Integer, Integer> entry : withoutHealthyServer.entrySet()) {
            if (entry.getKey() >= from && entry.getKey() < to && entry.getValue() > 0) {
                seconds++;
            }
        }
        return seconds;
    }
}
