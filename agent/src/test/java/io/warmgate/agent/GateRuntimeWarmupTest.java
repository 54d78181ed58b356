package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.config.ConfigLoader;
import io.warmgate.config.WarmgateConfig;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.Phase;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import io.warmgate.core.warmup.WarmupCoordinator;
import io.warmgate.core.warmup.WarmupPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime's part of the warm-up: start it at the first check, deny everyone meanwhile, let only it through. */
class GateRuntimeWarmupTest {

    private final BlockingQueue<String> markers = new LinkedBlockingQueue<>();
    private final CountDownLatch releaseApp = new CountDownLatch(1);
    private final HttpServer app = startApp();

    private HttpServer startApp() {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 10);
            server.createContext("/", exchange -> {
                markers.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Warmgate-Warmup")));
                try {
                    releaseApp.await(20, TimeUnit.SECONDS); // holds the warm-up in its first request
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopApp() {
        releaseApp.countDown();
        app.stop(0);
    }

    @Test
    void deniesEveryPeerWhileWarmingAndLetsOnlyTheWarmUpsOwnRequestsThrough() throws Exception {
        WarmgateConfig config = ConfigLoader.load("warmup.requests=/api/items,warmup.rounds=1", new Properties(),
                new HashMap<>()).config();
        AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(new ByteArrayOutputStream(), true));
        RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(1000), 1.0, 0.0),
                RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, null, true);
        WarmupCoordinator warmup = new WarmupCoordinator(WarmupPlan.from(config), log, MonotonicClock.SYSTEM,
                gate::warmupFinished);
        GateRuntime runtime = new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), gate, null, log,
                warmup, null);
        int appPort = app.getAddress().getPort();

        Denial first = check(runtime, "10.0.0.1", appPort, null);
        assertThat(first).isNotNull();
        assertThat(first.headerValue()).startsWith("phase=warming; percent=0.0; bucket=");
        String token = markers.poll(20, TimeUnit.SECONDS); // the warm-up started and reached the application
        assertThat(token).matches("[0-9a-f]{32}");

        Denial forged = check(runtime, "10.0.0.2", appPort, "forged");
        assertThat(forged).as("a made-up marker gets no bypass").isNotNull();
        // The same token in upper case: same length, so only the case can decide (a 32-digit hex token
        // without a single letter would make this comparison moot; the chance is below one in a million).
        assertThat(check(runtime, "10.0.0.3", appPort, token.toUpperCase(java.util.Locale.ROOT)))
                .as("the token's case matters").isNotNull();
        assertThat(check(runtime, "127.0.0.1", appPort, token))
                .as("the warm-up's own request").isNull();
        assertThat(gate.peersSeen()).as("the warm-up is not a peer").isEqualTo(3);
        assertThat(gate.phase()).isEqualTo(Phase.WARMING);

        releaseApp.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (gate.phase() == Phase.WARMING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gate.phase()).as("the ramp starts when the warm-up ends").isEqualTo(Phase.RAMPING);
        assertThat(markers).isEmpty(); // one round of one request: the warm-up sent exactly one
    }

    private static Denial check(GateRuntime runtime, String remote, int port, String warmupMarker) {
        return runtime.check(new HealthRequest("/health", remote, "127.0.0.1", port, null, warmupMarker, null, null,
                "servlet Test"));
    }
}
