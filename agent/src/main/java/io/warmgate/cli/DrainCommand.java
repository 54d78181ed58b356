package io.warmgate.cli;

import java.io.PrintStream;

/**
 * {@code drain <pid>} and {@code undrain <pid>}: take a running JVM that has the agent out of its load balancers
 * and back, without stopping it (load-balancer maintenance, a blue/green switch). They call the operations of the
 * same name on the target's MBean ({@link GateConnection}).
 */
final class DrainCommand {

    /** Exit status when the target refused ("not ...") or could not be reached. */
    static final int NOT_DONE = 1;

    private DrainCommand() {
    }

    /** @param operation {@code drain} or {@code undrain} */
    static int run(String operation, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || !isPid(args[0])) {
            err.println("warmgate " + operation + ": give the process id of one running JVM, e.g. "
                    + "java -jar warmgate-agent.jar " + operation + " 12345");
            err.print(WarmgateCli.USAGE);
            return WarmgateCli.USAGE_ERROR;
        }
        String pid = args[0];
        GateConnection connection = null;
        try {
            connection = GateConnection.open(pid);
            String answer = connection.invoke(operation);
            out.println("warmgate " + operation + " " + pid + ": " + answer);
            return answer.startsWith("not ") ? NOT_DONE : WarmgateCli.OK;
        } catch (GateConnection.Unreachable unreachable) {
            err.println("warmgate " + operation + " " + pid + ": " + unreachable.getMessage());
            return NOT_DONE;
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static boolean isPid(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
