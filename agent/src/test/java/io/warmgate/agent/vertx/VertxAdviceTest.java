package io.warmgate.agent.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.impl.RouterImpl;
import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.Woven;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.HealthPathMatcher;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The advice woven with the agent's weaving into a method of {@code RouterImpl.handle(HttpServerRequest)}'s
 * signature that hands on to a real Vert.x 4 router ({@link RouterEntry}), behind a real Vert.x HTTP server, asked
 * over sockets bound to distinct loopback addresses: business requests pass without a question, allowed health
 * checks get the application's answer untouched, denied ones a 503 written by the advice without any route running,
 * and the gate sees the connection's peer, the local port and the headers the deploy rules need. The weaving's
 * matchers and the module's screen are checked against Vert.x's real classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxAdviceTest {

    private static final String APP_BODY = "app says UP";
    private static final String PEER = "127.0.0.7";

    private final AtomicInteger appCalls = new AtomicInteger();
    private Vertx vertx;
    private int port;
    private ScriptedGatekeeper gatekeeper;

    @BeforeAll
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/health").handler(context -> {
            appCalls.incrementAndGet();
            context.response().putHeader("X-App", "yes").end(APP_BODY);
        });
        router.get("/api/items").handler(context -> {
            appCalls.incrementAndGet();
            context.response().end("items");
        });
        @SuppressWarnings("unchecked")
        Handler<HttpServerRequest> entry = (Handler<HttpServerRequest>) Woven.copy(RouterEntry.class, weaving())
                .getConstructor(Router.class).newInstance(router);
        HttpServer server = vertx.createHttpServer().requestHandler(entry).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterAll
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void resetGate() {
        gatekeeper = ScriptedGatekeeper.installed();
        appCalls.set(0);
    }

    private static Weaving weaving() {
        return Woven.gate(new VertxWeaver(new WeaverContext(new HealthPathMatcher(true, null, null))), "vertx-web");
    }

    @Test
    void theWeavingTargetsVertxsRouterAndItsRequestEntryOnly() {
        TypeDescription router = TypeDescription.ForLoadedType.of(RouterImpl.class);
        assertThat(weaving().types().matches(router)).isTrue();
        assertThat(weaving().types().matches(TypeDescription.ForLoadedType.of(RouterEntry.class))).isFalse();
        assertThat(router.getDeclaredMethods().filter(method -> weaving().methods().matches(method)))
                .singleElement().satisfies(method -> {
                    assertThat(method.getName()).isEqualTo("handle");
                    assertThat(method.getParameters().get(0).getType().asErasure().getName())
                            .isEqualTo(HttpServerRequest.class.getName());
                });
    }

    @Test
    void theModuleScreensTheRouterInLoadersThatSeeVertx4OrLater() throws ClassNotFoundException {
        ClassScreen screen = new VertxModule().screens().get(0);
        assertThat(screen.internalNames()).containsExactly(RouterImpl.class.getName().replace('.', '/'));
        // The marker must exist in the Vert.x the advice was written for, or nothing would ever be woven.
        assertThat(Class.forName(screen.markerClass(), false, Vertx.class.getClassLoader())).isNotNull();
    }

    @Test
    void businessRequestsReachTheApplicationWithoutAskingTheGate() throws Exception {
        RawHttp.Answer answer = RawHttp.send(PEER, port, "GET", "/api/items?id=7", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("items");
        assertThat(gatekeeper.checks).isEmpty();
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void anAllowedHealthCheckGetsTheApplicationsOwnAnswer() throws Exception {
        RawHttp.Answer answer = RawHttp.send(PEER, port, "GET", "/health", Map.of("User-Agent", "kube-probe/1.31",
                "X-Warmgate-Warmup", "token", "X-Warmgate-Fleet", "1"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(APP_BODY);
        assertThat(answer.header("X-App")).isEqualTo("yes");
        assertThat(answer.header("X-Warmgate")).isNull();
        assertThat(appCalls).hasValue(1);

        assertThat(gatekeeper.requests).hasSize(1);
        HealthRequest asked = gatekeeper.requests.get(0);
        assertThat(asked.path()).isEqualTo("/health");
        assertThat(asked.remoteAddress()).isEqualTo(PEER);
        assertThat(asked.localAddress()).isEqualTo("127.0.0.1");
        assertThat(asked.localPort()).as("the warm-up's port detection").isEqualTo(port);
        assertThat(asked.userAgent()).isEqualTo("kube-probe/1.31");
        assertThat(asked.warmupMarker()).isEqualTo("token");
        assertThat(asked.fleetMarker()).isEqualTo("1");
        assertThat(asked.peerHeader()).isNull();
        assertThat(asked.handlerLabel()).isEqualTo("vertx-web io.vertx.ext.web.Router");
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void aDeniedPeerGetsA503AndNoRouteRuns() throws Exception {
        gatekeeper.denial = new Denial("phase=ramping; percent=12.5; bucket=54", "warmgate: not yet\n");
        RawHttp.Answer answer = RawHttp.send(PEER, port, "GET", "/health", Map.of());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("X-Warmgate")).isEqualTo("phase=ramping; percent=12.5; bucket=54");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf("warmgate: not yet\n".length()));
        assertThat(answer.body()).isEqualTo("warmgate: not yet\n");
        assertThat(answer.header("X-App")).isNull();
        assertThat(appCalls).hasValue(0);
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void aDeniedHeadRequestGetsTheStatusAndHeadersWithoutABody() throws Exception {
        gatekeeper.denial = new Denial("phase=warming; percent=0.0; bucket=3", "warmgate: warming up\n");
        RawHttp.Answer answer = RawHttp.send(PEER, port, "HEAD", "/ready", Map.of());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("X-Warmgate")).isEqualTo("phase=warming; percent=0.0; bucket=3");
        assertThat(answer.body()).isEmpty();
        assertThat(appCalls).hasValue(0);
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void oddRequestTargetsAreAnsweredAndNeverFailTheAdvice() throws Exception {
        // Vert.x web itself logs "Unhandled exception in router" for this one, after the advice let it through.
        assertThat(RawHttp.send(PEER, port, "OPTIONS", "*", Map.of()).status()).isBetween(200, 499);
        assertThat(RawHttp.send(PEER, port, "GET", "/a/./b/../health", Map.of()).status()).isBetween(200, 499);
        // The absolute form a proxy may send: Vert.x reports its path, and that is what the gate is asked about.
        assertThat(RawHttp.send(PEER, port, "GET", "http://example.test/health", Map.of()).status()).isEqualTo(200);
        assertThat(gatekeeper.checks).extracting(ScriptedGatekeeper.Check::path).contains("/health");
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void theConfiguredPeerHeaderIsReadForHealthChecksAndWatchedBusinessRequests() throws Exception {
        gatekeeper.peerHeader = "X-Forwarded-For";
        gatekeeper.watchBusiness = true;
        RawHttp.send("127.0.0.8", port, "GET", "/health", Map.of("X-Forwarded-For", "192.0.2.7"));
        RawHttp.send("127.0.0.9", port, "GET", "/api/items", Map.of("X-Forwarded-For", "192.0.2.8",
                "X-Warmgate-Warmup", "w"));
        assertThat(gatekeeper.requests).singleElement().satisfies(asked -> {
            assertThat(asked.peerHeader()).isEqualTo("192.0.2.7");
            assertThat(asked.remoteAddress()).isEqualTo("127.0.0.8");
        });
        assertThat(gatekeeper.businessRequests).containsExactly(Arrays.asList("127.0.0.9", "192.0.2.8", "w"));
        assertThat(appCalls).hasValue(2);
    }
}
