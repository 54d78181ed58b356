package io.warmgate.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sibling instance as the fleet check meets it, on 127.0.0.1: one that answers its health path (healthy and
 * open, or "ramping" as an instance with warmgate does), or one that accepts connections and never answers.
 * Records the fleet-check headers it received, so a test can see that it was asked.
 */
public final class SiblingStub implements AutoCloseable {

    private final HttpServer server;
    private final ServerSocket silent;
    private final List<Socket> heldOpen = new CopyOnWriteArrayList<>();
    private final List<String> fleetHeaders = new CopyOnWriteArrayList<>();

    private SiblingStub(HttpServer server, ServerSocket silent) {
        this.server = server;
        this.silent = silent;
    }

    /** Answers 200 "UP" on every path, as a warm instance without warmgate (or with its gate open) does. */
    public static SiblingStub open() {
        return answering(200, null);
    }

    /** Answers 503 with {@code X-Warmgate: phase=ramping}, as an instance with warmgate does while it ramps. */
    public static SiblingStub ramping() {
        return answering(503, "phase=ramping; percent=12.0");
    }

    private static SiblingStub answering(int status, String warmgateHeader) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            SiblingStub stub = new SiblingStub(server, null);
            server.createContext("/", exchange -> {
                String marker = exchange.getRequestHeaders().getFirst("X-Warmgate-Fleet");
                if (marker != null) {
                    stub.fleetHeaders.add(marker);
                }
                if (warmgateHeader != null) {
                    exchange.getResponseHeaders().add("X-Warmgate", warmgateHeader);
                }
                byte[] body = (status == 200 ? "UP\n" : "not yet\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts every connection and never sends a byte: a sibling stuck in a long pause. */
    public static SiblingStub hanging() {
        try {
            ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            SiblingStub stub = new SiblingStub(null, socket);
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        stub.heldOpen.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hanging-sibling");
            acceptor.setDaemon(true);
            acceptor.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 127.0.0.1:port}, as {@code fleet.peers} names it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server != null ? server.getAddress().getPort() : silent.getLocalPort();
    }

    /** The values of the {@code X-Warmgate-Fleet} headers received (answering stubs only). */
    public List<String> fleetChecksReceived() {
        return List.copyOf(fleetHeaders);
    }

    /** Connections accepted and left unanswered (hanging stubs only). */
    public int connectionsHeld() {
        return heldOpen.size();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (silent != null) {
            try {
                silent.close();
            } catch (IOException ignored) {
                // closing a test server
            }
            for (Socket socket : heldOpen) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a test server
                }
            }
        }
    }

    /** A loopback port with nothing listening: a sibling that is down. */
    public static String closedAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
