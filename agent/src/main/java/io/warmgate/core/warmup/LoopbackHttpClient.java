package io.warmgate.core.warmup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends warm-up requests to the application on 127.0.0.1, and nowhere else.
 *
 * <p>A plain socket rather than HttpURLConnection, on purpose: no proxy setting ({@code http.proxyHost},
 * {@code socksProxyHost}) can redirect it ({@link Proxy#NO_PROXY}), it never follows a redirect off the machine,
 * never retries a request on its own (HttpURLConnection silently resends a failed POST), shares no connection
 * cache and no global handler with the application, and touches none of the JDK's logging. One request per
 * connection with {@code Connection: close}, like the simplest client the application could meet.
 */
final class LoopbackHttpClient implements RequestSender {

    /** 127.0.0.1 as a literal: no name service is ever asked. */
    static final InetAddress LOOPBACK = loopback();

    private static final String USER_AGENT = "warmgate-warmup";

    private final int port;
    private final List<HeaderField> commonHeaders;
    private final String marker;
    private final int connectTimeoutMillis;

    /**
     * @param commonHeaders {@code warmup.headers}, sent unless a request has its own header of the same name
     * @param marker        the value of the {@link RequestSyntax#MARKER_HEADER} header on every request
     */
    LoopbackHttpClient(int port, List<HeaderField> commonHeaders, String marker, int connectTimeoutMillis) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.port = port;
        this.commonHeaders = commonHeaders;
        this.marker = marker;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public int send(WarmupRequest request, int readTimeoutMillis) throws IOException {
        byte[] head = requestHead(request);
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(new InetSocketAddress(LOOPBACK, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            if (request.hasBody()) {
                out.write(request.bodyBytes());
            }
            out.flush();
            return new ResponseReader(new BufferedInputStream(socket.getInputStream())).readResponse(request.method());
        } finally {
            socket.close();
        }
    }

    /** Request line and header fields, ending with the empty line. All parts were checked to be printable ASCII. */
    byte[] requestHead(WarmupRequest request) {
        StringBuilder head = new StringBuilder(256)
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        List<HeaderField> own = request.headers();
        if (!has(own, "Host") && !has(commonHeaders, "Host")) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (!has(own, "User-Agent") && !has(commonHeaders, "User-Agent")) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (!has(own, "Accept") && !has(commonHeaders, "Accept")) {
            head.append("Accept: */*\r\n");
        }
        for (HeaderField header : commonHeaders) {
            if (!has(own, header.name())) {
                append(head, header);
            }
        }
        for (HeaderField header : own) {
            append(head, header);
        }
        head.append(RequestSyntax.MARKER_HEADER).append(": ").append(marker).append("\r\n");
        // A POST without a length is refused by some servers (411), so methods that take a body always get one.
        if (request.hasBody() || RequestSyntax.allowsBody(request.method())) {
            head.append("Content-Length: ").append(request.hasBody() ? request.bodyBytes().length : 0).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void append(StringBuilder head, HeaderField header) {
        head.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }

    private static boolean has(List<HeaderField> headers, String name) {
        for (HeaderField header : headers) {
            if (header.hasName(name)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // only thrown for a byte array of the wrong length
        }
    }

    @Override
    public String toString() {
        return "LoopbackHttpClient[127.0.0.1:" + port + "]";
    }
}
