package io.warmgate.lbsim;

import io.warmgate.testkit.Durations;
import io.warmgate.testkit.SampleKind;
import java.time.Duration;

/** Command-line options of {@link Demo}. */
record DemoOptions(SampleKind sample, String durationText, Duration duration, int peers, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: java -jar samples/lb-sim/target/warmgate-demo.jar [--sample tomcat|jetty] [--duration 20s] [--peers 12]",
            "",
            "Starts a sample service with the warmgate agent and simulates load-balancer nodes, each health-checking",
            "it from its own loopback address (127.0.0.2, 127.0.0.3, ...). Watch the nodes turn healthy one by one.",
            "Run it from the repository root after ./mvnw package.",
            "",
            "  --sample    which sample service to start (default tomcat)",
            "  --duration  the agent's ramp duration: 500ms, 20s, 2m or plain seconds (default 20s)",
            "  --peers     how many load-balancer nodes to simulate, 1 to 64 (default 12)");

    private static final int MAX_PEERS = 64;

    static DemoOptions parse(String... args) {
        SampleKind sample = SampleKind.TOMCAT;
        String durationText = "20s";
        int peers = 12;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new DemoOptions(sample, durationText, Durations.parse(durationText), peers, true);
                }
                case "--sample" -> sample = SampleKind.fromLabel(value(args, ++i, arg));
                case "--duration" -> durationText = value(args, ++i, arg);
                case "--peers" -> peers = parsePeers(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        Duration duration = Durations.parse(durationText);
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be longer than zero");
        }
        return new DemoOptions(sample, durationText, duration, peers, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePeers(String text) {
        try {
            int peers = Integer.parseInt(text);
            if (peers >= 1 && peers <= MAX_PEERS) {
                return peers;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--peers must be a number from 1 to " + MAX_PEERS + ": " + text);
    }
}
