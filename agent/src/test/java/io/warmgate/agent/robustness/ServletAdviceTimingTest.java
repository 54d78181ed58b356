package io.warmgate.agent.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import org.junit.jupiter.api.Test;

/**
 * The servlet advice times business requests when the agent asks it to: one report per request, with what the
 * observers need (method, path, query, status, time), nothing for health checks or when timing is off.
 */
class ServletAdviceTimingTest {

    private final List<String> ended = new CopyOnWriteArrayList<>();

    @Test
    void aTimedBusinessRequestIsReportedOnceWithItsFigures() throws Exception {
        IsolatedBridge bridge = woven(AnsweringServlet.class);
        bridge.install(gatekeeper(true));
        FakeExchange exchange = new FakeExchange();
        exchange.target = "/api/items?id=7";

        servlet(bridge, AnsweringServlet.class).service(exchange.request(), exchange.response());

        assertThat(ended).singleElement().asString().matches("GET /api/items id=7 200 [1-9][0-9]*ns marker=null");
    }

    @Test
    void nothingIsTimedWhenTheAgentDoesNotAskOrForHealthChecks() throws Exception {
        IsolatedBridge bridge = woven(AnsweringServlet.class);
        bridge.install(gatekeeper(false));
        FakeExchange business = new FakeExchange();
        business.target = "/api/items";
        servlet(bridge, AnsweringServlet.class).service(business.request(), business.response());

        IsolatedBridge timing = woven(AnsweringServlet.class);
        timing.install(gatekeeper(true));
        FakeExchange health = new FakeExchange();
        servlet(timing, AnsweringServlet.class).service(health.request(), health.response());

        assertThat(ended).isEmpty();
    }

    @Test
    void aHandlerThatThrowsIsReportedAs500AndStillThrows() throws Exception {
        IsolatedBridge bridge = woven(ThrowingServlet.class);
        bridge.install(gatekeeper(true));
        FakeExchange exchange = new FakeExchange();
        exchange.target = "/api/items";

        Throwable thrown = catchThrowable(() -> servlet(bridge, ThrowingServlet.class)
                .service(exchange.request(), exchange.response()));

        assertThat(thrown).isInstanceOf(ServletException.class).hasMessage("the handler failed");
        assertThat(ended).singleElement().asString().startsWith("GET /api/items null 500 ");
    }

    @Test
    void aRequestPassedOnWithinTheSameThreadIsTimedOnce() throws Exception {
        IsolatedBridge bridge = woven(ForwardingServlet.class, AnsweringServlet.class);
        bridge.install(gatekeeper(true));
        Class<?> forwarding = bridge.load(ForwardingServlet.class.getName());
        forwarding.getField("target").set(null, servlet(bridge, AnsweringServlet.class));
        FakeExchange exchange = new FakeExchange();
        exchange.target = "/api/items";

        servlet(bridge, ForwardingServlet.class).service(exchange.request(), exchange.response());
        servlet(bridge, ForwardingServlet.class).service(exchange.request(), exchange.response());

        assertThat(ended).as("two requests, each through two woven servlets").hasSize(2);
    }

    /** Gates /health; times business requests when {@code timing}; records what it hears. */
    private InvocationHandler gatekeeper(boolean timing) {
        return (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "isGated": return "/health".equals(arguments[0]);
                case "timesBusiness": return timing;
                case "watchesBusiness": return false;
                case "businessEnded":
                    ended.add(arguments[0] + " " + arguments[1] + " " + arguments[2] + " " + arguments[3] + " "
                            + arguments[4] + "ns marker=" + arguments[5]);
                    return null;
                case "failed": throw new AssertionError(arguments[0] + ": " + arguments[1], (Throwable) arguments[1]);
                default: return null;
            }
        };
    }

    private static IsolatedBridge woven(Class<?>... servlets) {
        Map<String, byte[]> classes = new HashMap<>();
        for (Class<?> servlet : servlets) {
            classes.put(servlet.getName(), WovenByAgent.servlet(servlet));
        }
        return new IsolatedBridge(classes, true);
    }

    private static Servlet servlet(IsolatedBridge bridge, Class<?> servlet) throws ReflectiveOperationException {
        return (Servlet) bridge.load(servlet.getName()).getDeclaredConstructor().newInstance();
    }
}
