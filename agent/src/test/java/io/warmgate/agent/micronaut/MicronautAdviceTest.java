package io.warmgate.agent.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.execution.ExecutionFlow;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.Woven;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.HealthPathMatcher;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advice woven with the agent's weaving into a method of {@code RequestLifecycle.normalFlow}'s shape
 * ({@link LifecycleEntry}), driven with Micronaut's own request and response types: business requests pass without a
 * question, allowed health checks get the application's answer untouched, denied ones a 503 flow without the
 * application running, and the gate sees the socket's peer, the local port and the headers the deploy rules need.
 * The weaving's matchers are checked against Micronaut's real lifecycle class.
 */
class MicronautAdviceTest {

    private final AtomicInteger appCalls = new AtomicInteger();
    private ScriptedGatekeeper gatekeeper;
    private Function<HttpRequest<?>, ExecutionFlow<HttpResponse<?>>> lifecycle;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws ReflectiveOperationException {
        gatekeeper = ScriptedGatekeeper.installed();
        Supplier<HttpResponse<?>> application = () -> {
            appCalls.incrementAndGet();
            return HttpResponse.ok("app says UP").header("X-App", "yes");
        };
        Class<?> woven = Woven.copy(LifecycleEntry.class, weaving());
        lifecycle = (Function<HttpRequest<?>, ExecutionFlow<HttpResponse<?>>>) woven
                .getConstructor(Supplier.class).newInstance(application);
    }

    private static Weaving weaving() {
        return Woven.gate(new MicronautWeaver(new WeaverContext(new HealthPathMatcher(true, null, null))),
                "micronaut");
    }

    @Test
    void theWeavingTargetsMicronautsLifecycleAndItsRequestEntryOnly() {
        // Described from its class file, as the engine sees it: nothing of Micronaut's server is loaded.
        TypeDescription micronaut = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(
                MicronautAdviceTest.class.getClassLoader())).describe(MicronautModule.REQUEST_LIFECYCLE).resolve();
        assertThat(weaving().types().matches(micronaut)).isTrue();
        assertThat(weaving().types().matches(TypeDescription.ForLoadedType.of(LifecycleEntry.class))).isFalse();
        assertThat(micronaut.getDeclaredMethods().filter(method -> weaving().methods().matches(method)))
                .extracting(method -> method.getName() + method.getDescriptor())
                .containsExactly("normalFlow(Lio/micronaut/http/HttpRequest;)Lio/micronaut/core/execution/ExecutionFlow;");
    }

    @Test
    void businessRequestsReachTheApplicationWithoutAskingTheGate() {
        HttpResponse<?> response = handle(PeerRequest.get("/api/items?id=7", "10.0.0.7"));
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getBody(String.class)).hasValue("app says UP");
        assertThat(gatekeeper.checks).isEmpty();
        assertThat(gatekeeper.failures).isEmpty();
        assertThat(appCalls).hasValue(1);
    }

    @Test
    void anAllowedHealthCheckGetsTheApplicationsOwnAnswer() {
        HttpResponse<?> response = handle(PeerRequest.get("/management/health?full=1", "10.0.0.7")
                .with("User-Agent", "kube-probe/1.31")
                .with("X-Warmgate-Warmup", "token")
                .with("X-Warmgate-Fleet", "1"));
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getBody(String.class)).hasValue("app says UP");
        assertThat(header(response, "X-App")).isEqualTo("yes");
        assertThat(response.getHeaders().contains("X-Warmgate")).isFalse();
        assertThat(appCalls).hasValue(1);

        assertThat(gatekeeper.requests).hasSize(1);
        HealthRequest asked = gatekeeper.requests.get(0);
        assertThat(asked.path()).as("the path without the query").isEqualTo("/management/health");
        assertThat(asked.remoteAddress()).isEqualTo("10.0.0.7");
        assertThat(asked.localAddress()).isEqualTo("127.0.0.1");
        assertThat(asked.localPort()).as("the warm-up's port detection").isEqualTo(8080);
        assertThat(asked.userAgent()).isEqualTo("kube-probe/1.31");
        assertThat(asked.warmupMarker()).isEqualTo("token");
        assertThat(asked.fleetMarker()).isEqualTo("1");
        assertThat(asked.peerHeader()).isNull();
        assertThat(asked.handlerLabel()).isEqualTo("micronaut io.micronaut.http.server.RequestLifecycle");
    }

    @Test
    void aDeniedPeerGetsA503AndTheApplicationDoesNotRun() {
        gatekeeper.denial = new Denial("phase=ramping; percent=12.5; bucket=54", "warmgate: not yet\n");
        HttpResponse<?> response = handle(PeerRequest.get("/ready", "10.0.0.9"));
        assertThat(response.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(header(response, "X-Warmgate")).isEqualTo("phase=ramping; percent=12.5; bucket=54");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(response, "Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(response.getBody(String.class)).hasValue("warmgate: not yet\n");
        assertThat(response.getHeaders().contains("X-App")).isFalse();
        assertThat(appCalls).hasValue(0);
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void theConfiguredPeerHeaderIsReadForHealthChecksAndWatchedBusinessRequests() {
        gatekeeper.peerHeader = "X-Forwarded-For";
        gatekeeper.watchBusiness = true;
        handle(PeerRequest.get("/health", "10.0.0.1").with("X-Forwarded-For", "192.0.2.7"));
        handle(PeerRequest.get("/api/items", "10.0.0.2").with("X-Forwarded-For", "192.0.2.8")
                .with("X-Warmgate-Warmup", "w"));
        assertThat(gatekeeper.requests).singleElement().satisfies(asked -> {
            assertThat(asked.peerHeader()).isEqualTo("192.0.2.7");
            assertThat(asked.remoteAddress()).isEqualTo("10.0.0.1");
        });
        assertThat(gatekeeper.businessRequests).containsExactly(Arrays.asList("10.0.0.2", "192.0.2.8", "w"));
        assertThat(appCalls).hasValue(2);
    }

    @Test
    void aRequestTheAdviceCannotReadIsLeftToTheApplication() {
        gatekeeper.denial = new Denial("phase=ramping; percent=1.0; bucket=54", "warmgate: not yet\n");
        PeerRequest broken = new PeerRequest(HttpMethod.GET, "/health", null, null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                throw new IllegalStateException("channel closed");
            }
        };
        HttpResponse<?> response = handle(broken);
        assertThat(response.code()).isEqualTo(200);
        assertThat(appCalls).hasValue(1);
        assertThat(gatekeeper.failures).hasSize(1);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.getHeaders().get(name);
    }

    private HttpResponse<?> handle(HttpRequest<?> request) {
        ExecutionFlow<HttpResponse<?>> flow = lifecycle.apply(request);
        HttpResponse<?> response = flow.tryCompleteValue();
        assertThat(response).as("a completed flow").isNotNull();
        return response;
    }
}
