package io.warmgate.agent.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.Woven;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.HealthPathMatcher;
import java.net.InetSocketAddress;
import net.bytebuddy.description.type.TypeDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.HttpWebHandlerAdapter;
import reactor.core.publisher.Mono;

/**
 * The advice woven with the agent's weaving into a method of {@code HttpWebHandlerAdapter.handle}'s signature that
 * hands on to Spring's real adapter ({@link AdapterEntry}), driven with Spring's mock reactive request and response:
 * business requests pass without a question, allowed health checks get the application's answer untouched, denied
 * ones a 503 from the advice without the application running, and the gate sees the socket's peer, the local port
 * and the headers the deploy rules need. The weaving's matchers are checked against Spring's real class.
 */
class WebFluxAdviceTest {

    private static final String APP_BODY = "app says UP";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AtomicInteger appCalls = new AtomicInteger();
    private ScriptedGatekeeper gatekeeper;
    private HttpHandler adapter;

    @BeforeEach
    void setUp() throws ReflectiveOperationException {
        gatekeeper = ScriptedGatekeeper.installed();
        WebHandler application = exchange -> {
            appCalls.incrementAndGet();
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            exchange.getResponse().getHeaders().set("X-App", "yes");
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                    .wrap(APP_BODY.getBytes(StandardCharsets.UTF_8))));
        };
        Class<?> woven = Woven.copy(AdapterEntry.class, weaving());
        adapter = (HttpHandler) woven.getConstructor(WebHandler.class).newInstance(application);
    }

    private static Weaving weaving() {
        return Woven.gate(new WebFluxWeaver(new WeaverContext(new HealthPathMatcher(true, null, null))),
                "spring-webflux");
    }

    @Test
    void theWeavingTargetsSpringsAdapterAndItsRequestEntryOnly() {
        TypeDescription spring = TypeDescription.ForLoadedType.of(HttpWebHandlerAdapter.class);
        assertThat(weaving().types().matches(spring)).isTrue();
        assertThat(weaving().types().matches(TypeDescription.ForLoadedType.of(AdapterEntry.class))).isFalse();
        assertThat(spring.getDeclaredMethods().filter(method -> weaving().methods().matches(method)))
                .extracting(method -> method.getName()).containsExactly("handle");
    }

    @Test
    void businessRequestsReachTheApplicationWithoutAskingTheGate() {
        MockServerHttpResponse response = handle(MockServerHttpRequest.get("/api/items?id=7").build());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(response)).isEqualTo(APP_BODY);
        assertThat(gatekeeper.checks).isEmpty();
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void anAllowedHealthCheckGetsTheApplicationsOwnAnswer() {
        MockServerHttpResponse response = handle(MockServerHttpRequest.get("/shop/actuator/health/ready")
                .remoteAddress(new InetSocketAddress("10.0.0.7", 41234))
                .localAddress(new InetSocketAddress("127.0.0.1", 8080))
                .header("User-Agent", "kube-probe/1.31")
                .header("X-Warmgate-Warmup", "token")
                .header("X-Warmgate-Fleet", "1")
                .build());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(response)).isEqualTo(APP_BODY);
        assertThat(response.getHeaders().getFirst("X-App")).isEqualTo("yes");
        assertThat(response.getHeaders().containsKey("X-Warmgate")).isFalse();
        assertThat(appCalls).hasValue(1);

        HealthRequest asked = gatekeeper.requests.get(0);
        assertThat(gatekeeper.requests).hasSize(1);
        assertThat(asked.path()).isEqualTo("/shop/actuator/health/ready");
        assertThat(asked.remoteAddress()).isEqualTo("10.0.0.7");
        assertThat(asked.localAddress()).isEqualTo("127.0.0.1");
        assertThat(asked.localPort()).as("the warm-up's port detection").isEqualTo(8080);
        assertThat(asked.userAgent()).isEqualTo("kube-probe/1.31");
        assertThat(asked.warmupMarker()).isEqualTo("token");
        assertThat(asked.fleetMarker()).isEqualTo("1");
        assertThat(asked.peerHeader()).isNull();
        assertThat(asked.handlerLabel())
                .isEqualTo("spring-webflux org.springframework.web.server.adapter.HttpWebHandlerAdapter");
    }

    @Test
    void aDeniedPeerGetsA503AndTheApplicationDoesNotRun() {
        gatekeeper.denial = new Denial("phase=ramping; percent=12.5; bucket=54", "warmgate: not yet\n");
        MockServerHttpResponse response = handle(MockServerHttpRequest.get("/health")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 5000)).build());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("X-Warmgate")).isEqualTo("phase=ramping; percent=12.5; bucket=54");
        assertThat(response.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaders().getFirst("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(response.getHeaders().getContentLength()).isEqualTo("warmgate: not yet\n".length());
        assertThat(body(response)).isEqualTo("warmgate: not yet\n");
        assertThat(response.getHeaders().containsKey("X-App")).isFalse();
        assertThat(appCalls).hasValue(0);
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void aDeniedHeadRequestGetsTheStatusAndHeadersWithoutABody() {
        gatekeeper.denial = new Denial("phase=warming; percent=0.0; bucket=3", "warmgate: warming up\n");
        MockServerHttpResponse response = handle(MockServerHttpRequest.head("/ready").build());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("X-Warmgate")).isEqualTo("phase=warming; percent=0.0; bucket=3");
        assertThat(response.getHeaders().getContentLength()).isEqualTo("warmgate: warming up\n".length());
        assertThat(body(response)).isEmpty();
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void theConfiguredPeerHeaderIsReadForHealthChecksAndWatchedBusinessRequests() {
        gatekeeper.peerHeader = "X-Forwarded-For";
        gatekeeper.watchBusiness = true;
        handle(MockServerHttpRequest.get("/health").remoteAddress(new InetSocketAddress("10.0.0.1", 80))
                .header("X-Forwarded-For", "192.0.2.7").build());
        handle(MockServerHttpRequest.get("/api/items").remoteAddress(new InetSocketAddress("10.0.0.2", 80))
                .header("X-Forwarded-For", "192.0.2.8").header("X-Warmgate-Warmup", "w").build());
        assertThat(gatekeeper.requests).singleElement().satisfies(asked -> {
            assertThat(asked.peerHeader()).isEqualTo("192.0.2.7");
            assertThat(asked.remoteAddress()).isEqualTo("10.0.0.1");
        });
        assertThat(gatekeeper.businessRequests).containsExactly(Arrays.asList("10.0.0.2", "192.0.2.8", "w"));
        assertThat(appCalls).hasValue(2);
    }

    private MockServerHttpResponse handle(MockServerHttpRequest request) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        adapter.handle(request, response).block(TIMEOUT);
        return response;
    }

    private static String body(MockServerHttpResponse response) {
        return response.getBodyAsString().blockOptional(TIMEOUT).orElse("");
    }
}
