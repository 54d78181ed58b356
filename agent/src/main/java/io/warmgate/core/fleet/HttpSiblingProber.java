package io.warmgate.core.fleet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Asks a sibling's health path over plain HTTP/1.1, with the {@value #FLEET_HEADER} marker. A sibling that runs
 * warmgate answers such a request with 503 and {@code X-Warmgate: phase=...} unless its gate is open, and never
 * counts it as a load-balancer node; a sibling without warmgate answers with its own health. Only the status
 * line and the headers are read.
 *
 * <p>A plain socket, like the warm-up's client: no proxy setting can redirect it, it never follows a redirect,
 * never retries, and touches none of the JDK's logging or connection caches.
 */
public final class HttpSiblingProber implements SiblingProber {

    /** The request header that marks a fleet check (the same name the bridge knows). */
    public static final String FLEET_HEADER = "X-Warmgate-Fleet";
    private static final String STATE_HEADER = "x-warmgate:";
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    @Override
    public SiblingAnswer probe(String host, int port, String path, int timeoutMillis) {
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader(host, port) + "\r\nUser-Agent: "
                    + "warmgate-fleet\r\nAccept: */*\r\n" + FLEET_HEADER + ": 1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return judge(readHead(new BufferedInputStream(socket.getInputStream())));
        } catch (UnknownHostException unknown) {
            return SiblingAnswer.notOpen("unknown host");
        } catch (ConnectException refused) {
            return SiblingAnswer.notOpen("connection refused");
        } catch (SocketTimeoutException slow) {
            return SiblingAnswer.notOpen("no answer within " + timeoutMillis + " ms");
        } catch (IOException | RuntimeException failure) {
            return SiblingAnswer.notOpen(String.valueOf(failure.getMessage()));
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was promised to anyone
            }
        }
    }

    /**
     * Open: a 2xx answer whose X-Warmgate header, if any, says {@code phase=open}. Open but cold: the header says
     * {@value SiblingAnswer#OPEN_BUT_COLD_STATE} (with a 503, so that nothing else mistakes it for warm).
     */
    static SiblingAnswer judge(String head) {
        int lineEnd = head.indexOf("\r\n");
        String statusLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            return SiblingAnswer.notOpen("not an HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException notANumber) {
            return SiblingAnswer.notOpen("not an HTTP answer");
        }
        String state = null;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(STATE_HEADER)) {
                state = line.substring(STATE_HEADER.length()).trim();
            }
        }
        String summary = status + (state == null ? "" : " " + state);
        boolean healthy = status >= 200 && status < 300;
        String lowerState = state == null ? null : state.toLowerCase(Locale.ROOT);
        if (lowerState != null && lowerState.startsWith(SiblingAnswer.OPEN_BUT_COLD_STATE)) {
            return SiblingAnswer.openButCold(summary);
        }
        boolean gateOpen = lowerState == null || lowerState.contains("phase=open");
        return healthy && gateOpen ? SiblingAnswer.open(summary) : SiblingAnswer.notOpen(summary);
    }

    /** The status line and headers, up to the empty line (or what came before the sibling closed). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int c;
        while (head.length() < MAX_HEAD_BYTES && (c = in.read()) >= 0) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                break;
            }
        }
        return head.toString();
    }

    private static String hostHeader(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
