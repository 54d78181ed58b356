package io.warmgate.agent.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GateBridge is what inlined advice calls in the application's own classes, so nothing may escape from it:
 * whatever the gatekeeper throws (an exception, an error, a class it cannot resolve), the bridge answers
 * "not gated" / "allowed" and reports the failure once to the gatekeeper; if even the report fails, it is
 * swallowed. Each test uses a fresh copy of the bridge (see {@link IsolatedBridge}).
 */
class GateBridgeFailureTest {

    /** What a broken agent might throw from inside the gatekeeper. */
    static List<Throwable> failures() {
        return List.of(
                new IllegalStateException("bug in the gate"),
                new NullPointerException(),
                new NoClassDefFoundError("io/warmgate/core/RampGate"),
                new StackOverflowError(),
                new ExceptionInInitializerError("static initialiser failed"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aThrowingGatekeeperLeavesEveryRequestAlone(Throwable failure) {
        IsolatedBridge bridge = new IsolatedBridge(Map.of(), true);
        List<String> reported = new CopyOnWriteArrayList<>();
        bridge.install(throwingExceptFailed(failure, reported));

        assertThat(bridge.invoke("isGated", new Class<?>[] {String.class}, "/health")).isEqualTo(false);
        assertThat(bridge.invoke("peerHeaderName", new Class<?>[0])).isNull();
        assertThat(bridge.check("/health", "10.0.0.7")).isNull();
        assertThat(bridge.invoke("watchesBusiness", new Class<?>[0])).isEqualTo(false);
        bridge.invoke("businessRequest", new Class<?>[] {String.class, String.class, String.class}, "10.0.0.7", null,
                null);
        assertThat(bridge.invoke("businessStarted", new Class<?>[0])).isEqualTo(0L);
        bridge.invoke("businessEnded", new Class<?>[] {long.class, String.class, String.class, String.class,
            int.class, String.class}, 42L, "GET", "/api", null, 200, null);
        bridge.invoke("handlerAnswered", new Class<?>[] {String.class, String.class, String.class}, "filter",
                "com.acme.HealthFilter", "/health");

        assertThat(reported).containsExactly("path check: " + failure, "peer header: " + failure,
                "health check decision: " + failure, "business watch: " + failure, "business request: " + failure,
                "business timing: " + failure, "business timing: " + failure, "handler report: " + failure);
    }

    @Test
    void aGatekeeperThatFailsEvenToReportIsSwallowed() {
        IsolatedBridge bridge = new IsolatedBridge(Map.of(), true);
        bridge.install((proxy, method, arguments) -> {
            throw new IllegalStateException("everything is broken, " + method.getName() + " too");
        });

        assertThat(bridge.invoke("isGated", new Class<?>[] {String.class}, "/health")).isEqualTo(false);
        assertThat(bridge.check("/health", "10.0.0.7")).isNull();
        bridge.invoke("failed", new Class<?>[] {String.class, Throwable.class}, "advice", new RuntimeException("x"));
    }

    @Test
    void withoutAGatekeeperNothingIsGated() {
        IsolatedBridge bridge = new IsolatedBridge(Map.of(), true);

        assertThat(bridge.invoke("isInstalled", new Class<?>[0])).isEqualTo(false);
        assertThat(bridge.invoke("isGated", new Class<?>[] {String.class}, "/health")).isEqualTo(false);
        assertThat(bridge.check("/health", "10.0.0.7")).isNull();
        bridge.invoke("failed", new Class<?>[] {String.class, Throwable.class}, "advice", new RuntimeException("x"));
    }

    @Test
    void aSecondGatekeeperIsRefused() {
        IsolatedBridge bridge = new IsolatedBridge(Map.of(), true);

        assertThat(bridge.install(answering(true))).isTrue();
        assertThat(bridge.install(answering(false))).as("the second agent's gatekeeper").isFalse();
        assertThat(bridge.invoke("isGated", new Class<?>[] {String.class}, "/health")).as("the first one decides")
                .isEqualTo(true);
    }

    /** A gatekeeper that throws {@code failure} from everything but {@code failed}, which it records. */
    static InvocationHandler throwingExceptFailed(Throwable failure, List<String> reported) {
        return (proxy, method, arguments) -> {
            if (method.getName().equals("failed")) {
                reported.add(arguments[0] + ": " + arguments[1]);
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "throwing gatekeeper" : null;
            }
            throw failure;
        };
    }

    private static InvocationHandler answering(boolean gated) {
        return (proxy, method, arguments) -> method.getName().equals("isGated") ? gated : null;
    }
}
