package io.warmgate.bench;

import io.warmgate.bench.calibration.ColdCostCommand;
import io.warmgate.bench.overhead.BusinessLoadCommand;
import io.warmgate.bench.overhead.JarSizeCommand;
import io.warmgate.bench.overhead.StartupCommand;
import io.warmgate.bench.rollout.RolloutCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar samples/bench/target/warmgate-bench.jar <command> [--option value ...]}, run from the
 * repository root. {@code jmh} hands its arguments to JMH's own runner.
 */
public final class BenchCli {

    private static final String USAGE = String.join("\n",
            "usage: java -jar samples/bench/target/warmgate-bench.jar <command> [--option value ...]",
            "  rollout        the rollout experiment behind real HAProxy (four scenarios, CSV, chart, summary)",
            "  business-load  a sample's business endpoint with and without the agent: throughput and p99 ratios",
            "  startup        start-up in four arms (no agent, empty premain, null transformer, warmgate): time to",
            "                 the first successful request, CPU time, agent classes before main, per sample",
            "  jar-size       the agent jar's size and what takes the room",
            "  cold-cost      what a cold sample instance costs per cost factor (CPU per first request, time to warm)",
            "  jmh [args]     the JMH benchmarks (gate decision, path check); arguments go to JMH",
            "  <command> --help lists the command's options and defaults");

    private BenchCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(rest);
            return;
        }
        PrintStream out = System.out;
        try {
            int status = switch (args[0]) {
                case "rollout" -> wantsHelp(rest) ? help(RolloutCommand.usage()) : RolloutCommand.run(rest, out);
                case "business-load" -> wantsHelp(rest) ? help(BusinessLoadCommand.usage())
                        : BusinessLoadCommand.run(rest, out);
                case "startup" -> wantsHelp(rest) ? help(StartupCommand.usage()) : StartupCommand.run(rest, out);
                case "cold-cost" -> wantsHelp(rest) ? help(ColdCostCommand.usage()) : ColdCostCommand.run(rest, out);
                case "jar-size" -> wantsHelp(rest) ? help(JarSizeCommand.usage()) : JarSizeCommand.run(rest, out);
                default -> {
                    System.err.println("unknown command: " + args[0] + "\n" + USAGE);
                    yield 2;
                }
            };
            System.exit(status);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("warmgate bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static boolean wantsHelp(String[] args) {
        return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    private static int help(String usage) {
        System.out.println(usage);
        return 0;
    }
}
