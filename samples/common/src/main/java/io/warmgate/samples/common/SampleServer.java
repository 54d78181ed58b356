package io.warmgate.samples.common;

/**
 * The start-up contract every sample follows, so tests and the demo can fork any of them the same way:
 * the port comes from {@value #PORT_PROPERTY}, readiness is one {@value #READY_PREFIX}&lt;port&gt; line on stdout,
 * and SIGTERM stops the server through a shutdown hook.
 */
public final class SampleServer {

    public static final String PORT_PROPERTY = "sample.port";
    public static final int DEFAULT_PORT = 8080;
    public static final String READY_PREFIX = "SAMPLE READY port=";

    /** Exit status when the sample cannot start (bad port value, port taken). */
    public static final int STARTUP_FAILURE_STATUS = 1;

    /** What a shutdown hook runs to stop a server. */
    @FunctionalInterface
    public interface StopAction {
        void stop() throws Exception;
    }

    private SampleServer() {
    }

    /**
     * The port to listen on: {@value #PORT_PROPERTY}, default {@value #DEFAULT_PORT}; 0 asks the OS for a free
     * ephemeral port.
     *
     * @throws IllegalArgumentException if the property is not a port number
     */
    public static int configuredPort() {
        return parsePort(System.getProperty(PORT_PROPERTY));
    }

    static int parsePort(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new IllegalArgumentException(
                PORT_PROPERTY + "=" + raw + " is not a port; use 0..65535 (0 picks a free port)");
    }

    /**
     * Prints the single READY line. Callers fork the sample and wait for this line, so it is flushed at once
     * and nothing else a sample does writes to stdout.
     */
    public static void announceReady(int port) {
        System.out.println(READY_PREFIX + port);
        System.out.flush();
    }

    /** Stops the server when the JVM is asked to exit (SIGTERM, SIGINT, System.exit). */
    public static void stopOnShutdown(String serverName, StopAction stop) {
        Runnable stopQuietly = () -> {
            try {
                stop.stop();
            } catch (Exception e) {
                System.err.println(serverName + ": error while stopping: " + e);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopQuietly, serverName + "-shutdown"));
    }

    /** Reports a start-up failure on stderr in one line and exits with {@link #STARTUP_FAILURE_STATUS}. */
    public static void failStartup(String serverName, Exception failure) {
        System.err.println(serverName + ": cannot start: " + describe(failure));
        System.exit(STARTUP_FAILURE_STATUS);
    }

    /**
     * The failure's message plus its root cause: containers wrap the useful part (such as "Address already in
     * use") in generic lifecycle exceptions.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        return root == failure ? message : message + " (" + root + ")";
    }
}
