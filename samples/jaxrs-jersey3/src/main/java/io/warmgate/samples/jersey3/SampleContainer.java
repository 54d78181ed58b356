package io.warmgate.samples.jersey3;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The two standalone (non-servlet) HTTP servers Jersey can run on, chosen with {@value #PROPERTY}.
 * Both listen on the wildcard address, which accepts 127.0.0.N as well as ::1.
 */
enum SampleContainer {

    GRIZZLY("grizzly") {
        @Override
        RunningServer start(int port, ResourceConfig application) throws IOException {
            // 0.0.0.0 is Java's wildcard: on a dual-stack host the socket also accepts IPv6 connections.
            org.glassfish.grizzly.http.server.HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://0.0.0.0:" + port + "/"), application, false);
            server.start();
            NetworkListener listener = server.getListeners().iterator().next();
            return new RunningServer(listener.getPort(), server::shutdownNow);
        }
    },

    JDK_HTTP("jdk-http") {
        @Override
        RunningServer start(int port, ResourceConfig application) {
            HttpServer server = JdkHttpServerFactory.createHttpServer(
                    URI.create("http://0.0.0.0:" + port + "/"), application, false);
            // Without an executor the JDK server handles every request on its single dispatcher thread.
            ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemon -> {
                Thread thread = new Thread(daemon, "jdk-http-worker");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(workers);
            server.start();
            return new RunningServer(server.getAddress().getPort(), () -> {
                server.stop(0);
                workers.shutdown();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            });
        }
    };

    static final String PROPERTY = "sample.container";
    private static final int WORKER_THREADS = 16;

    private final String propertyValue;

    SampleContainer(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    abstract RunningServer start(int port, ResourceConfig application) throws IOException;

    /** The container named by {@value #PROPERTY}; Grizzly when it is not set. */
    static SampleContainer configured() {
        String raw = System.getProperty(PROPERTY);
        if (raw == null || raw.isBlank()) {
            return GRIZZLY;
        }
        for (SampleContainer container : values()) {
            if (container.propertyValue.equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return container;
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + raw + " is not a container; use grizzly or jdk-http");
    }

    @Override
    public String toString() {
        return propertyValue;
    }

    /** A started server: the port it really listens on (differs from the configured one when that was 0). */
    record RunningServer(int port, StopAction stopAction) {
    }

    @FunctionalInterface
    interface StopAction {
        void stop() throws Exception;
    }
}
