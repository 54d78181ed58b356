package io.warmgate.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A minimal HTTP/1.1 client that plays one load-balancer node.
 *
 * <p>The socket is bound to the node's own loopback address (e.g. {@code 127.0.0.7}) before it connects, so the
 * server sees that address as the remote peer. Linux routes all of 127.0.0.0/8 to the loopback interface, which
 * makes every such address a distinct node on one machine. {@code java.net.http.HttpClient} cannot choose its
 * source address, hence this small client.
 *
 * <p>One request per connection ({@code Connection: close}), like most load-balancer health checkers. Instances
 * are immutable and may be shared between threads.
 */
public final class PeerClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private final InetAddress peerAddress;
    private final InetSocketAddress server;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private PeerClient(InetAddress peerAddress, InetSocketAddress server, Duration connectTimeout,
                       Duration readTimeout) {
        this.peerAddress = Objects.requireNonNull(peerAddress, "peerAddress");
        this.server = Objects.requireNonNull(server, "server");
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.readTimeout = positive(readTimeout, "readTimeout");
    }

    /**
     * A node at {@code peerAddress} talking to {@code serverHost:serverPort}, with default timeouts.
     *
     * @param peerAddress a literal address of this machine, usually 127.0.0.N (no DNS lookups happen)
     */
    public static PeerClient of(String peerAddress, String serverHost, int serverPort) {
        return new PeerClient(literal(peerAddress), new InetSocketAddress(literal(serverHost), serverPort),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** A node at {@code peerAddress} talking to {@code 127.0.0.1:serverPort}. */
    public static PeerClient toLoopback(String peerAddress, int serverPort) {
        return of(peerAddress, "127.0.0.1", serverPort);
    }

    /** A copy with other timeouts; both must be positive, so no request can block forever. */
    public PeerClient withTimeouts(Duration connect, Duration read) {
        return new PeerClient(peerAddress, server, connect, read);
    }

    /** The node's own address as the server sees it, e.g. {@code 127.0.0.7}. */
    public String peer() {
        return peerAddress.getHostAddress();
    }

    public HttpResult get(String target) throws IOException {
        return send("GET", target, Map.of());
    }

    public HttpResult get(String target, Map<String, String> extraHeaders) throws IOException {
        return send("GET", target, extraHeaders);
    }

    public HttpResult head(String target) throws IOException {
        return send("HEAD", target, Map.of());
    }

    /**
     * Sends one bodiless request and reads the whole response.
     *
     * @param target       origin-form request target, e.g. {@code /shop/api/items?id=3}
     * @param extraHeaders added after the standard fields; must not contain CR or LF
     * @throws IOException on connect or read timeout, a refused connection, or a malformed response
     */
    public HttpResult send(String method, String target, Map<String, String> extraHeaders) throws IOException {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with '/': " + target);
        }
        byte[] request = requestBytes(method, target, extraHeaders);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(peerAddress, 0));
            socket.connect(server, Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            socket.setTcpNoDelay(true);

            OutputStream out = socket.getOutputStream();
            long sentNanos = System.nanoTime();
            out.write(request);
            out.flush();

            ResponseReader reader = new ResponseReader(new BufferedInputStream(socket.getInputStream()));
            ResponseReader.StatusLine statusLine = reader.readStatusLine();
            long receivedNanos = System.nanoTime();
            ResponseHeaders headers = reader.readHeaders();
            byte[] body = reader.readBody(method, statusLine.status(), headers);
            return new HttpResult(peer(), method, target, statusLine.status(), statusLine.reason(), headers, body,
                    sentNanos, receivedNanos);
        }
    }

    private byte[] requestBytes(String method, String target, Map<String, String> extraHeaders) {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader()).append("\r\n")
                .append("Accept: */*\r\n")
                .append("Connection: close\r\n");
        if (extraHeaders.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            request.append("User-Agent: warmgate-lb-sim\r\n"); // unless the caller speaks as another client
        }
        extraHeaders.forEach((name, value) -> {
            if ((name + value).indexOf('\r') >= 0 || (name + value).indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header must not contain CR or LF: " + name);
            }
            request.append(name).append(": ").append(value).append("\r\n");
        });
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String hostHeader() {
        String host = server.getAddress().getHostAddress();
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown + ":" + server.getPort();
    }

    private static InetAddress literal(String address) {
        // Only literals are accepted: a node address that needed DNS would make the peer identity ambiguous.
        boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = address.indexOf(':') >= 0 && address.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not a literal IP address: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a literal IP address: " + address, e);
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "PeerClient[" + peer() + " -> " + server + "]";
    }
}
