package io.warmgate.cli;

import java.io.PrintStream;

/**
 * The agent jar's command line ({@code java -jar warmgate-agent.jar ...}), for operators: {@code plan} shows
 * when each load-balancer node will see the instance healthy, {@code version} prints the version.
 */
public final class WarmgateCli {

    static final int OK = 0;
    static final int USAGE_ERROR = 2;

    static final String USAGE = ""
            + "usage: java -jar warmgate-agent.jar <command>\n"
            + "\n"
            + "commands:\n"
            + "  plan [--duration 60s] [--aggression 1] [--min-percent 0] [--instance ADDR:PORT] PEER...\n"
            + "        for each load balancer node address (PEER, an IPv4 or IPv6 literal), print its hash,\n"
            + "        its bucket and the second of the ramp at which it is first told \"healthy\";\n"
            + "        with spread=instance, give the instance's address and port as its log line names it\n"
            + "  version\n"
            + "        print the agent's version\n"
            + "  help\n"
            + "        print this text\n"
            + "\n"
            + "To use the agent, add -javaagent:/path/to/warmgate-agent.jar to the application's JVM options.\n";

    private WarmgateCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs one command and returns the process exit status (0, or 2 for a usage error or bad input). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return OK;
        }
        String command = args[0];
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        if (command.equals("plan")) {
            return PlanCommand.run(rest, out, err);
        }
        if (command.equals("version") || command.equals("--version")) {
            out.println(version());
            return OK;
        }
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            err.print(USAGE);
            return OK;
        }
        err.println("warmgate: unknown command '" + command + "'");
        err.print(USAGE);
        return USAGE_ERROR;
    }

    /** Implementation-Version from the jar manifest; "dev" when running from classes, as in tests and IDEs. */
    static String version() {
        Package own = WarmgateCli.class.getPackage();
        String version = own == null ? null : own.getImplementationVersion();
        return version == null || version.trim().isEmpty() ? "dev" : version.trim();
    }
}
