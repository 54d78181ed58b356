package io.warmgate.it.grpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lets the ramp suite's HTTP load-balancer nodes check a gRPC service: an HTTP/1.1 server on loopback that turns
 * each request into one gRPC call to the sample, sent by the {@link GrpcNode} of the address the HTTP request came
 * from, and turns the gRPC answer back into HTTP. The gRPC call happens entirely between the HTTP request's
 * sending and its answer's arrival, so every timing bound the suite derives from those two moments still holds.
 *
 * <p>Requests ({@code service} and {@code id} as query parameters):
 * <ul>
 *   <li>{@value #CHECK}{@code [?service=S]}: a {@code Check}. {@code SERVING} is 200 with body {@code SERVING};
 *       any other serving status 503 with its name as body (the application's own "not serving").</li>
 *   <li>{@value #WATCH}{@code [?service=S]}: the first message of a {@code Watch}, mapped the same way.</li>
 *   <li>{@value #ITEM}{@code ?id=N}: the business method; 200 with its answer as body.</li>
 * </ul>
 * A call that ends with an error status is 503 when it carries the agent's {@code x-warmgate} trailer (the
 * trailer becomes the {@code X-Warmgate} header and the status description the body, so a gRPC denial reads like
 * an HTTP one), else 500 with the status code and description as body.
 */
final class GrpcHealthGateway implements AutoCloseable {

    static final String CHECK = "/grpc.health.v1.Health/Check";
    static final String WATCH = "/grpc.health.v1.Health/Watch";
    static final String ITEM = "/warmgate.sample.Catalog/Item";

    private final int grpcPort;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, GrpcNode> nodes = new ConcurrentHashMap<>();

    private GrpcHealthGateway(int grpcPort) throws IOException {
        this.grpcPort = grpcPort;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        // More threads than the suite has polling loops: a node's request never waits for another's.
        this.threads = Executors.newFixedThreadPool(32);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A gateway to the gRPC server on {@code 127.0.0.1:grpcPort}, with the nodes of {@code peers} connected and this
     * JVM's gRPC client warmed ({@link ClientWarmUp}).
     */
    static GrpcHealthGateway to(int grpcPort, List<String> peers) {
        try {
            ClientWarmUp.run();
            GrpcHealthGateway gateway = new GrpcHealthGateway(grpcPort);
            peers.forEach(peer -> gateway.node(peer).connect());
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP port the suite's nodes send to. */
    int port() {
        return server.getAddress().getPort();
    }

    private GrpcNode node(String peer) {
        return nodes.computeIfAbsent(peer, address -> GrpcNode.at(address, grpcPort, null));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            GrpcNode node = node(exchange.getRemoteAddress().getAddress().getHostAddress());
            String path = exchange.getRequestURI().getPath();
            String service = parameter(exchange, "service", "");
            GrpcAnswer answer = switch (path) {
                case CHECK -> node.check(service);
                case WATCH -> node.watchFirst(service);
                case ITEM -> node.item(parameter(exchange, "id", ""));
                default -> null;
            };
            if (answer == null) {
                respond(exchange, 404, "no such gRPC call: " + path + "\n", null);
            } else if (answer.isOk()) {
                boolean healthy = path.equals(ITEM) || answer.message().equals("SERVING");
                respond(exchange, healthy ? 200 : 503, answer.message().endsWith("\n") ? answer.message()
                        : answer.message() + "\n", null);
            } else if (answer.trailer().isPresent()) {
                respond(exchange, 503, answer.description() + "\n", answer.warmgateTrailer());
            } else {
                respond(exchange, 500, "grpc " + answer.code() + ": " + answer.description() + "\n", null);
            }
        } finally {
            exchange.close();
        }
    }

    private static String parameter(HttpExchange exchange, String name, String absent) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return absent;
    }

    private static void respond(HttpExchange exchange, int status, String body, String warmgateHeader)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (warmgateHeader != null) {
            exchange.getResponseHeaders().set("X-Warmgate", warmgateHeader);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        nodes.values().forEach(GrpcNode::close);
    }
}
