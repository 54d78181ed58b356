package io.warmgate.agent.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import org.junit.jupiter.api.Test;

/**
 * The servlet advice, woven for real into a copy of {@link AnsweringServlet} (as the agent weaves it), never
 * breaks the request: whatever fails inside it - the request's or response's accessors, the gatekeeper, or the
 * bridge class that cannot even be resolved - the servlet runs and its answer is exactly what it is without
 * the agent. A gatekeeper that denies shows that the woven advice is really active.
 */
class ServletAdviceFailureTest {

    private static final String APP_ANSWER = "200 {X-Sample-Health=app} UP\\n";
    private static final String DENIAL = "phase=ramping; percent=1.0; bucket=54";

    @Test
    void withoutTheAgentTheServletAnswersItself() throws Exception {
        FakeExchange exchange = new FakeExchange();
        new AnsweringServlet().service(exchange.request(), exchange.response());

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
    }

    @Test
    void aDenyingGatekeeperAnswers503WithoutTheServlet() throws Exception {
        IsolatedBridge bridge = bridgeWithWovenServlet(true);
        bridge.install(denying());
        FakeExchange exchange = new FakeExchange();

        servlet(bridge).service(exchange.request(), exchange.response());

        assertThat(exchange.status).isEqualTo(503);
        assertThat(exchange.headers).containsEntry("X-Warmgate", DENIAL).doesNotContainKey("X-Sample-Health");
    }

    @Test
    void aThrowingGatekeeperLeavesTheServletsAnswer() throws Exception {
        for (Throwable failure : GateBridgeFailureTest.failures()) {
            IsolatedBridge bridge = bridgeWithWovenServlet(true);
            List<String> reported = new CopyOnWriteArrayList<>();
            bridge.install(GateBridgeFailureTest.throwingExceptFailed(failure, reported));
            FakeExchange exchange = new FakeExchange();

            servlet(bridge).service(exchange.request(), exchange.response());

            assertThat(exchange.answer()).as("with %s", failure).isEqualTo(APP_ANSWER);
            // The path check failed, so the request counts as business; asking whether business is watched, and
            // whether it is timed, fails too. Each failure is reported, and the servlet still answers as without the agent.
            assertThat(reported).as("with %s", failure).containsExactly("path check: " + failure,
                    "business watch: " + failure, "business timing: " + failure);
        }
    }

    @Test
    void throwingRequestAccessorsLeaveTheServletsAnswer() throws Exception {
        for (String accessor : List.of("getRequestURI", "getAttribute", "setAttribute", "getRemoteAddr",
                "getLocalPort", "getHeader")) {
            IsolatedBridge bridge = bridgeWithWovenServlet(true);
            List<String> reported = new CopyOnWriteArrayList<>();
            bridge.install(recordingDenier(reported));
            FakeExchange exchange = new FakeExchange(accessor);

            servlet(bridge).service(exchange.request(), exchange.response());

            assertThat(exchange.answer()).as("%s throws", accessor).isEqualTo(APP_ANSWER);
            assertThat(reported).as("%s throws", accessor).singleElement().asString()
                    .startsWith("servlet advice: java.lang.UnsupportedOperationException: " + accessor);
        }
    }

    @Test
    void aResponseWhoseStreamIsTakenLeavesTheServletsAnswer() throws Exception {
        // A filter has already taken the response's writer, so getOutputStream() throws IllegalStateException,
        // as the servlet specification demands. The denial cannot be written; the response must then be exactly
        // the application's, not a mix of a half-written denial (status 503, X-Warmgate) and the app's body.
        IsolatedBridge bridge = bridgeWithWovenServlet(WriterServlet.class, true);
        List<String> reported = new CopyOnWriteArrayList<>();
        bridge.install(recordingDenier(reported));
        FakeExchange exchange = new FakeExchange("getOutputStream");

        servlet(bridge, WriterServlet.class).service(exchange.request(), exchange.response());

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
        assertThat(reported).singleElement().asString().startsWith("servlet advice: java.lang.IllegalStateException");
    }

    @Test
    void aBridgeTheServletsClassLoaderCannotSeeLeavesTheServletsAnswer() throws Exception {
        IsolatedBridge bridge = bridgeWithWovenServlet(false);
        FakeExchange exchange = new FakeExchange();

        servlet(bridge).service(exchange.request(), exchange.response());

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
    }

    private static IsolatedBridge bridgeWithWovenServlet(boolean bridgeVisible) {
        return bridgeWithWovenServlet(AnsweringServlet.class, bridgeVisible);
    }

    /** A copy of the servlet with the agent's javax servlet advice woven into service(...). */
    private static IsolatedBridge bridgeWithWovenServlet(Class<? extends Servlet> servlet, boolean bridgeVisible) {
        return new IsolatedBridge(Map.of(servlet.getName(), WovenByAgent.servlet(servlet)), bridgeVisible);
    }

    private static Servlet servlet(IsolatedBridge bridge) throws ReflectiveOperationException {
        return servlet(bridge, AnsweringServlet.class);
    }

    private static Servlet servlet(IsolatedBridge bridge, Class<? extends Servlet> servlet)
            throws ReflectiveOperationException {
        Class<?> woven = bridge.load(servlet.getName());
        assertThat(woven.getClassLoader()).isSameAs(bridge);
        return (Servlet) woven.getDeclaredConstructor().newInstance();
    }

    private static InvocationHandler denying() {
        return recordingDenier(new CopyOnWriteArrayList<>());
    }

    /** Gates /health and denies every check; records reported failures. */
    private static InvocationHandler recordingDenier(List<String> reported) {
        return (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "isGated": return "/health".equals(arguments[0]);
                case "check": return IsolatedBridge.denial(method.getReturnType(), DENIAL, "warmgate: not yet\n");
                case "failed": reported.add(arguments[0] + ": " + arguments[1]); return null;
                default: return null;
            }
        };
    }
}
