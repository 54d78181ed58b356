package io.warmgate.samples.tomcat;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * With {@code -Dsample.shutdown-trace=true}, the sample behaves like an application with its own SIGTERM
 * handling: a SIGTERM handler that chains to the one before it (as well-behaved handlers do) and a shutdown
 * hook, each printing one {@value #PREFIX} line to stderr, so tests can check that an agent keeps both and their
 * order. Off by default: the sample then stops exactly as before.
 */
final class ShutdownTrace {

    static final String PREFIX = "SAMPLE TRACE ";

    private ShutdownTrace() {
    }

    static void installIfAsked() {
        if (!Boolean.getBoolean("sample.shutdown-trace")) {
            return;
        }
        SignalHandler[] previous = new SignalHandler[1];
        previous[0] = Signal.handle(new Signal("TERM"), signal -> {
            System.err.println(PREFIX + "sigterm-handler");
            previous[0].handle(signal);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(PREFIX + "shutdown-hook"),
                "sample-trace-hook"));
    }
}
