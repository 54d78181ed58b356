package io.warmgate.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HttpSiblingProberTest {

    private final HttpSiblingProber prober = new HttpSiblingProber();

    @Test
    void judgesTheStatusAndTheGatesPhase() {
        assertThat(HttpSiblingProber.judge("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n").isOpen()).isTrue();
        assertThat(HttpSiblingProber.judge("HTTP/1.1 204 No Content\r\n\r\n").isOpen()).isTrue();
        assertThat(HttpSiblingProber.judge("HTTP/1.1 200 OK\r\nx-warmgate: phase=open; percent=100.0\r\n\r\n")
                .isOpen()).isTrue();
        SiblingAnswer ramping = HttpSiblingProber.judge("HTTP/1.1 200 OK\r\nX-Warmgate: phase=ramping; percent=40.0\r\n\r\n");
        assertThat(ramping.isOpen()).as("healthy for some nodes only").isFalse();
        assertThat(ramping.summary()).isEqualTo("200 phase=ramping; percent=40.0");
        assertThat(HttpSiblingProber.judge("HTTP/1.1 503 Service Unavailable\r\n\r\n").isOpen()).isFalse();
        assertThat(HttpSiblingProber.judge("HTTP/1.1 302 Found\r\nLocation: /login\r\n\r\n").isOpen()).isFalse();
        assertThat(HttpSiblingProber.judge("SSH-2.0-OpenSSH\r\n").summary()).isEqualTo("not an HTTP answer");
        assertThat(HttpSiblingProber.judge("").isOpen()).isFalse();
    }

    @Test
    void aSiblingThatOpenedColdServesEveryNodeButIsNotOpenForTheRamp() {
        SiblingAnswer cold = HttpSiblingProber.judge("HTTP/1.1 503 Service Unavailable\r\nX-Warmgate: phase=open; cold"
                + "\r\n\r\n");
        assertThat(cold.isOpen()).isFalse();
        assertThat(cold.servesEveryNode()).isTrue();
        assertThat(cold.summary()).isEqualTo("503 phase=open; cold");
        assertThat(HttpSiblingProber.judge("HTTP/1.1 200 OK\r\n\r\n").servesEveryNode()).isTrue();
        assertThat(HttpSiblingProber.judge("HTTP/1.1 503 Service Unavailable\r\nX-Warmgate: phase=draining\r\n\r\n")
                .servesEveryNode()).isFalse();
        assertThat(HttpSiblingProber.judge("HTTP/1.1 200 OK\r\nX-Warmgate: phase=ramping; percent=40.0\r\n\r\n")
                .servesEveryNode()).isFalse();
    }

    @Test
    void asksTheHealthPathWithTheFleetMarker() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("X-Warmgate-Fleet"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            SiblingAnswer answer = prober.probe("127.0.0.1", server.getAddress().getPort(), "/shop/health", 2000);
            assertThat(answer.isOpen()).isTrue();
            assertThat(answer.summary()).isEqualTo("200");
            assertThat(asked).containsExactly("/shop/health 1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aClosedPortIsNotOpen() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SiblingAnswer answer = prober.probe("127.0.0.1", port, "/health", 1000);
        assertThat(answer.isOpen()).isFalse();
        assertThat(answer.summary()).isEqualTo("connection refused");
    }

    @Test
    void aSiblingThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            SiblingAnswer answer = prober.probe("127.0.0.1", silent.getLocalPort(), "/health", 200);
            assertThat(answer.isOpen()).isFalse();
            assertThat(answer.summary()).isEqualTo("no answer within 200 ms");
        }
    }

    @Test
    void theMarkerIsTheBridgesHeader() {
        assertThat(HttpSiblingProber.FLEET_HEADER).isEqualTo(io.warmgate.bridge.GateBridge.FLEET_HEADER);
    }
}
