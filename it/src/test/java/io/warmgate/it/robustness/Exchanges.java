package io.warmgate.it.robustness;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Single requests from a chosen peer, and the parts of an answer that must not change because of the agent. */
final class Exchanges {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    /** Headers that differ between any two answers, agent or not. */
    private static final List<String> VOLATILE_HEADERS = List.of("date");

    private Exchanges() {
    }

    static HttpResult get(String peer, int port, String target) {
        return send(peer, port, "GET", target, Map.of());
    }

    static HttpResult get(String peer, int port, String target, Map<String, String> headers) {
        return send(peer, port, "GET", target, headers);
    }

    static HttpResult head(String peer, int port, String target) {
        return send(peer, port, "HEAD", target, Map.of());
    }

    /** One request from {@code peer} (an IPv4 or IPv6 loopback literal) to the same family's loopback. */
    static HttpResult send(String peer, int port, String method, String target, Map<String, String> headers) {
        String server = peer.indexOf(':') >= 0 ? "::1" : "127.0.0.1";
        try {
            return PeerClient.of(peer, server, port).withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT)
                    .send(method, target, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviated(target) + " from " + peer + " failed", e);
        }
    }

    /**
     * Status, headers (names in lower case, values in order) and body: everything of an answer except the
     * headers that differ between any two answers.
     */
    static String comparable(HttpResult result) {
        Map<String, List<String>> headers = new TreeMap<>();
        result.headers().asMap().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!VOLATILE_HEADERS.contains(key)) {
                headers.put(key, values);
            }
        });
        return result.status() + " " + headers + "\n" + result.body();
    }

    static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "... (" + text.length() + " chars)";
    }
}
