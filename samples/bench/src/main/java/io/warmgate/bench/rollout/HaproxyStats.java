package io.warmgate.bench.rollout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Server states from HAProxy's CSV statistics ({@code /stats;csv}): which node sees which instance as up.
 * The CSV's first line names the columns ({@code # pxname,svname,...,status,...}); the order is looked up
 * there rather than assumed, because it grows between HAProxy versions.
 */
public final class HaproxyStats {

    /** One server line: backend (node), server (instance) and its status, e.g. {@code UP}, {@code DOWN 1/2}. */
    public record ServerState(String backend, String server, String status) {

        /** UP, including the transitional "UP 1/3" (up, but failing checks that have not yet brought it down). */
        public boolean up() {
            return status.startsWith("UP");
        }

        /** DOWN, including the transitional "DOWN 1/2" (down, but passing checks that have not yet raised it). */
        public boolean down() {
            return status.startsWith("DOWN");
        }
    }

    private HaproxyStats() {
    }

    public static List<ServerState> parse(String csv) {
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IllegalArgumentException("not HAProxy CSV statistics: " + abbreviate(csv));
        }
        List<String> columns = Arrays.asList(lines[0].substring(2).split(",", -1));
        int proxy = required(columns, "pxname");
        int server = required(columns, "svname");
        int status = required(columns, "status");
        List<ServerState> states = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            if (fields.length <= Math.max(proxy, Math.max(server, status))) {
                continue;
            }
            String serverName = fields[server];
            // FRONTEND and BACKEND lines are the proxies' own totals, not servers.
            if (serverName.equals("FRONTEND") || serverName.equals("BACKEND")) {
                continue;
            }
            states.add(new ServerState(fields[proxy], serverName, fields[status]));
        }
        return List.copyOf(states);
    }

    /** How many of the given backends currently see {@code server} as up. */
    public static int backendsWithServerUp(List<ServerState> states, List<String> backends, String server) {
        int up = 0;
        for (ServerState state : states) {
            if (state.server().equals(server) && backends.contains(state.backend()) && state.up()) {
                up++;
            }
        }
        return up;
    }

    /**
     * How many of the given backends see none of {@code servers} as up: nodes that have no healthy server to
     * send a request to (without fail-open they answer 503 themselves).
     */
    public static int backendsWithoutServerUp(List<ServerState> states, List<String> backends, List<String> servers) {
        int without = 0;
        for (String backend : backends) {
            boolean any = false;
            for (ServerState state : states) {
                if (state.backend().equals(backend) && servers.contains(state.server()) && state.up()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                without++;
            }
        }
        return without;
    }

    private static int required(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("HAProxy statistics have no '" + name + "' column");
        }
        return index;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
