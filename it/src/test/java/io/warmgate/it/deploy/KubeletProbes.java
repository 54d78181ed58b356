package io.warmgate.it.deploy;

import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.PeerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The kubelet as a prober: one address (127.0.0.1 here) and {@code User-Agent: kube-probe/<version>}. */
final class KubeletProbes {

    static final String USER_AGENT = "kube-probe/1.31";

    private KubeletProbes() {
    }

    static HttpResult probe(String address, int port, String path) {
        try {
            return PeerClient.toLoopback(address, port).get(path, Map.of("User-Agent", USER_AGENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResult get(String address, int port, String path) {
        try {
            return PeerClient.toLoopback(address, port).get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResult get(String address, int port, String path, Map<String, String> headers) {
        try {
            return PeerClient.toLoopback(address, port).get(path, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
