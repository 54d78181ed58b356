package io.warmgate.bench.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The HAProxy configuration of the experiment: K load-balancer "nodes" on one machine.
 *
 * <p>Each node is one frontend (its own loopback port, where the load generator sends requests) and one backend
 * listing every instance. The backend's servers use {@code source <node address>}, so each node connects, for
 * traffic and for health checks alike, from its own address, and health-checks every instance on its own
 * schedule, exactly like the nodes of a cloud load balancer. The agent sees K distinct peers.
 *
 * <p>Every response carries {@value #SERVED_BY_HEADER} naming the server that answered, so the load generator can
 * measure the new instance's share of the traffic.
 *
 * <p>With {@code failOpen}, each backend also lists every instance a second time as a backup server without a
 * health check ({@value #FAIL_OPEN_SUFFIX} appended to its name), with {@code option allbackups}: while a node sees
 * no primary server as healthy it sends its traffic to all instances anyway, as AWS ALB does when every target
 * is unhealthy ("fail open") and as Envoy does in panic mode.
 */
public record HaproxyConfig(List<LbNode> nodes, List<Instance> instances, String healthPath, Duration checkInterval,
                            Duration slowstart, boolean failOpen, boolean retries, int statsPort) {

    /** Appended to an instance's name for its unchecked fail-open copy. */
    public static final String FAIL_OPEN_SUFFIX = "-failopen";

    public static final String SERVED_BY_HEADER = "X-Served-By";
    public static final String STATS_PATH = "/stats";

    /** One load-balancer node: where it accepts requests and the address it connects from. */
    public record LbNode(String name, String sourceAddress, int frontendPort) {
    }

    /** One backend instance on 127.0.0.1. */
    public record Instance(String name, int port) {
    }

    public HaproxyConfig {
        nodes = List.copyOf(nodes);
        instances = List.copyOf(instances);
        Objects.requireNonNull(healthPath, "healthPath");
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (nodes.isEmpty() || instances.isEmpty()) {
            throw new IllegalArgumentException("at least one node and one instance are needed");
        }
    }

    /** The same configuration with HAProxy's slow start on every server, or without it ({@code null}). */
    public HaproxyConfig withSlowstart(Duration duration) {
        return new HaproxyConfig(nodes, instances, healthPath, checkInterval, duration, failOpen, retries, statsPort);
    }

    /** The same configuration with or without the fail-open backup servers. */
    public HaproxyConfig withFailOpen(boolean on) {
        return new HaproxyConfig(nodes, instances, healthPath, checkInterval, slowstart, on, retries, statsPort);
    }

    /**
     * The same configuration with or without retries: with them (the default) a request whose connection fails is
     * sent again, to another server; without them the client sees the failure, as behind a load balancer that never
     * retries (many cloud load balancers retry nothing once a request was sent).
     */
    public HaproxyConfig withRetries(boolean on) {
        return new HaproxyConfig(nodes, instances, healthPath, checkInterval, slowstart, failOpen, on, statsPort);
    }

    /** The names of the health-checked servers (the instances), the ones whose state says "healthy". */
    public List<String> checkedServerNames() {
        return instances.stream().map(Instance::name).toList();
    }

    public static String frontendName(LbNode node) {
        return "fe-" + node.name();
    }

    public static String backendName(LbNode node) {
        return "be-" + node.name();
    }

    public String render() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("# Written by the warmgate rollout benchmark (samples/bench). ").append(nodes.size())
                .append(" load-balancer nodes on one machine:\n")
                .append("# one frontend and one backend per node; each backend connects from the node's own address.\n")
                .append("global\n")
                .append("    maxconn 4096\n")
                .append("\n")
                .append("defaults\n")
                .append("    mode http\n")
                .append("    timeout connect 2s\n")
                .append("    timeout client 30s\n")
                .append("    timeout server 30s\n")
                .append("    timeout queue 10s\n")
                .append("    timeout check 2s\n")
                .append(retries
                        ? "    # A request whose connection to a server fails is sent to another one, as production\n"
                        + "    # configurations usually do.\n    retries 2\n    option redispatch\n"
                        : "    # No retries: a request whose connection to a server fails fails.\n    retries 0\n")
                .append("\n")
                .append("frontend stats\n")
                .append("    bind 127.0.0.1:").append(statsPort).append('\n')
                .append("    stats enable\n")
                .append("    stats uri ").append(STATS_PATH).append('\n');
        for (LbNode node : nodes) {
            cfg.append('\n')
                    .append("frontend ").append(frontendName(node)).append('\n')
                    .append("    bind 127.0.0.1:").append(node.frontendPort()).append('\n')
                    .append("    default_backend ").append(backendName(node)).append('\n')
                    .append('\n')
                    .append("backend ").append(backendName(node)).append('\n')
                    .append("    balance roundrobin\n")
                    .append(failOpen ? "    option allbackups\n" : "")
                    .append("    option httpchk GET ").append(healthPath).append('\n')
                    .append("    http-check expect status 200\n")
                    .append("    http-response set-header ").append(SERVED_BY_HEADER).append(" %[srv_name]\n")
                    .append("    default-server check inter ").append(checkInterval.toMillis()).append("ms")
                    .append(" source ").append(node.sourceAddress());
            if (slowstart != null) {
                cfg.append(" slowstart ").append(slowstart.toMillis()).append("ms");
            }
            cfg.append('\n');
            for (Instance instance : instances) {
                cfg.append("    server ").append(instance.name()).append(" 127.0.0.1:").append(instance.port())
                        .append('\n');
            }
            if (failOpen) {
                cfg.append("    # Fail open: used only while no server above is healthy; never health-checked.\n");
                for (Instance instance : instances) {
                    cfg.append("    server ").append(instance.name()).append(FAIL_OPEN_SUFFIX).append(" 127.0.0.1:")
                            .append(instance.port()).append(" backup no-check\n");
                }
            }
        }
        return cfg.toString();
    }
}
