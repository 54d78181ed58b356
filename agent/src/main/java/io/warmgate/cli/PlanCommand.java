package io.warmgate.cli;

import io.warmgate.config.Durations;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.PeerAddresses;
import io.warmgate.core.PeerBuckets;
import io.warmgate.core.RampCurve;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code plan}: computes, with exactly the agent's own hash and curve, when each given load-balancer node will
 * be told "healthy", so operators can check their node addresses before a deploy.
 */
final class PlanCommand {

    private static final String[] COLUMNS = {"peer", "hash", "bucket", "healthy at"};

    /** One peer's line of the plan. */
    private static final class Row {
        final String peer;
        final long absoluteHash;
        final int bucket;
        final long healthyAtNanos;

        Row(String peer, RampCurve curve, String instance) {
            int hash = instance == null ? PeerBuckets.hash(peer) : PeerBuckets.spreadHash(peer, instance);
            this.peer = peer;
            this.absoluteHash = PeerBuckets.absoluteHash(hash);
            this.bucket = PeerBuckets.bucket(hash);
            this.healthyAtNanos = curve.nanosUntilAllowed(bucket);
        }

        String[] cells() {
            return new String[] {peer, String.valueOf(absoluteHash), String.valueOf(bucket), seconds(healthyAtNanos)};
        }
    }

    private static final Comparator<Row> BY_TIME = new Comparator<Row>() {
        @Override
        public int compare(Row a, Row b) {
            if (a.healthyAtNanos != b.healthyAtNanos) {
                return a.healthyAtNanos < b.healthyAtNanos ? -1 : 1;
            }
            if (a.bucket != b.bucket) {
                return a.bucket - b.bucket;
            }
            return a.peer.compareTo(b.peer);
        }
    };

    private PlanCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long durationNanos = WarmgateConfig.DEFAULT_DURATION_NANOS;
        double aggression = 1.0;
        double minPercent = 0.0;
        String instance = null;
        List<String> peers = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                peers.add(arg);
                continue;
            }
            if (arg.equals("--help")) {
                err.print(WarmgateCli.USAGE);
                return WarmgateCli.OK;
            }
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usageError(err, "option " + option + " needs a value");
            }
            try {
                if (option.equals("--duration")) {
                    durationNanos = parseDuration(value);
                } else if (option.equals("--aggression")) {
                    aggression = parseNumber(value, "a number greater than 0 and at most 100");
                    if (!(aggression > 0 && aggression <= 100)) {
                        throw new IllegalArgumentException("a number greater than 0 and at most 100");
                    }
                } else if (option.equals("--min-percent")) {
                    minPercent = parseNumber(value, "a number from 0 to 100");
                    if (!(minPercent >= 0 && minPercent <= 100)) {
                        throw new IllegalArgumentException("a number from 0 to 100");
                    }
                } else if (option.equals("--instance")) {
                    instance = value.trim();
                    if (instance.isEmpty()) {
                        throw new IllegalArgumentException("the instance's address and port, such as 10.0.4.2:8080, "
                                + "as its spread=instance line logs it");
                    }
                } else {
                    return usageError(err, "unknown option " + option);
                }
            } catch (IllegalArgumentException invalid) {
                return usageError(err, option + " " + value + " is not valid; expected " + invalid.getMessage());
            }
        }
        if (peers.isEmpty()) {
            return usageError(err, "plan needs at least one peer address");
        }
        return printPlan(new RampCurve(durationNanos, aggression, minPercent), instance, peers, out, err);
    }

    private static int printPlan(RampCurve curve, String instance, List<String> peers, PrintStream out,
            PrintStream err) {
        Set<String> canonical = new LinkedHashSet<String>();
        int status = WarmgateCli.OK;
        for (String peer : peers) {
            String address = PeerAddresses.canonicalize(peer);
            if (address == null) {
                err.println("warmgate plan: '" + peer + "' is not an IP address literal; give the address the load "
                        + "balancer node's health checks come from (host names are not resolved)");
                status = WarmgateCli.USAGE_ERROR;
            } else {
                canonical.add(address);
            }
        }
        List<Row> rows = new ArrayList<Row>();
        for (String peer : canonical) {
            rows.add(new Row(peer, curve, instance));
        }
        Collections.sort(rows, BY_TIME);
        if (!rows.isEmpty()) {
            printTable(rows, out);
        }
        return status;
    }

    /** Left-aligned columns, two spaces apart, wide enough for their longest cell. */
    private static void printTable(List<Row> rows, PrintStream out) {
        List<String[]> lines = new ArrayList<String[]>();
        lines.add(COLUMNS);
        for (Row row : rows) {
            lines.add(row.cells());
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] cells : lines) {
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        for (String[] cells : lines) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                line.append(cells[c]);
                if (c < cells.length - 1) {
                    for (int pad = cells[c].length(); pad < widths[c] + 2; pad++) {
                        line.append(' ');
                    }
                }
            }
            out.println(line);
        }
    }

    /** Seconds with one decimal, rounded to the nearest tenth: "32.4s". */
    static String seconds(long nanos) {
        long tenths = (nanos + Durations.SECOND / 20) / (Durations.SECOND / 10);
        return (tenths / 10) + "." + (tenths % 10) + "s";
    }

    private static long parseDuration(String value) {
        String expected = "a duration such as 500ms, 30s, 2m or a number of seconds, more than 0 and at most 24h";
        long nanos;
        try {
            nanos = Durations.parseNanos(value);
        } catch (IllegalArgumentException notADuration) {
            throw new IllegalArgumentException(expected);
        }
        if (nanos <= 0 || nanos > WarmgateConfig.MAX_DURATION_NANOS) {
            throw new IllegalArgumentException(expected);
        }
        return nanos;
    }

    private static double parseNumber(String value, String expected) {
        String number = value.trim();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                throw new IllegalArgumentException(expected);
            }
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(expected);
        }
    }

    private static int usageError(PrintStream err, String problem) {
        err.println("warmgate plan: " + problem);
        err.print(WarmgateCli.USAGE);
        return WarmgateCli.USAGE_ERROR;
    }
}
