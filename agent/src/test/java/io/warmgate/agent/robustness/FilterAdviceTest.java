package io.warmgate.agent.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

/**
 * The filter and servlet advice, woven for real into copies of test filters and a servlet, in a filter chain as a
 * container runs it: a health check is decided once whatever it passes, a denied peer stops the chain, and only the
 * filter or servlet that answered is named as the handler, never a filter that passed the request on.
 */
class FilterAdviceTest {

    private static final String APP_ANSWER = "200 {X-Sample-Health=app} UP\\n";
    private static final String DENIAL = "phase=ramping; percent=1.0; bucket=54";

    /** What the gatekeeper was asked. */
    private final List<String> checks = new CopyOnWriteArrayList<>();
    private final List<String> named = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Test
    void aFilterThatAnswersIsTheHandlerAndTheCheckIsDecidedOnce() throws Exception {
        IsolatedBridge bridge = wovenBridge();
        bridge.install(gatekeeper(false));
        FakeExchange exchange = new FakeExchange();

        run(bridge, exchange, List.of(PassingFilter.class, PassingFilter.class, AnsweringFilter.class));

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
        assertThat(checks).containsExactly("/health from 10.0.0.7");
        assertThat(named).containsExactly("filter " + AnsweringFilter.class.getName() + " /health");
        assertThat(failures).isEmpty();
    }

    @Test
    void aServletBehindFiltersIsTheHandlerAndTheCheckIsDecidedOnce() throws Exception {
        IsolatedBridge bridge = wovenBridge();
        bridge.install(gatekeeper(false));
        FakeExchange exchange = new FakeExchange();

        run(bridge, exchange, List.of(PassingFilter.class, PassingFilter.class));

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
        assertThat(checks).containsExactly("/health from 10.0.0.7");
        assertThat(named).containsExactly("servlet " + AnsweringServlet.class.getName() + " /health");
        assertThat(failures).isEmpty();
    }

    @Test
    void aDeniedPeerGetsThe503FromTheFirstFilterAndTheChainStops() throws Exception {
        IsolatedBridge bridge = wovenBridge();
        bridge.install(gatekeeper(true));
        FakeExchange exchange = new FakeExchange();

        run(bridge, exchange, List.of(PassingFilter.class, AnsweringFilter.class));

        assertThat(exchange.status).isEqualTo(503);
        assertThat(exchange.headers).containsEntry("X-Warmgate", DENIAL).doesNotContainKey("X-Sample-Health");
        assertThat(exchange.body.toString()).isEqualTo("warmgate: not yet\n");
        assertThat(checks).containsExactly("/health from 10.0.0.7");
        assertThat(named).as("nobody answered but the agent").isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aBusinessRequestIsOnlyPathChecked() throws Exception {
        IsolatedBridge bridge = wovenBridge();
        bridge.install(gatekeeper(true));
        FakeExchange exchange = new FakeExchange();
        exchange.target = "/api/items";

        run(bridge, exchange, List.of(PassingFilter.class, PassingFilter.class));

        assertThat(exchange.answer()).isEqualTo(APP_ANSWER);
        assertThat(checks).isEmpty();
        assertThat(named).isEmpty();
        assertThat(exchange.attributes).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aRequestWhoseAccessorsThrowGetsTheApplicationsOwnAnswer() throws Exception {
        for (String accessor : List.of("getRequestURI", "getAttribute", "setAttribute", "getRemoteAddr")) {
            IsolatedBridge bridge = wovenBridge();
            failures.clear();
            bridge.install(gatekeeper(true));
            FakeExchange exchange = new FakeExchange(accessor);

            run(bridge, exchange, List.of(PassingFilter.class, AnsweringFilter.class));

            assertThat(exchange.answer()).as("%s throws", accessor).isEqualTo(APP_ANSWER);
            assertThat(failures).as("%s throws", accessor).isNotEmpty()
                    .allMatch(failure -> failure.startsWith("filter advice"));
        }
    }

    /** Runs the woven copies of {@code filters} in order, then the woven {@link AnsweringServlet}. */
    private static void run(IsolatedBridge bridge, FakeExchange exchange, List<Class<? extends Filter>> filters)
            throws Exception {
        Filter[] chain = new Filter[filters.size()];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = (Filter) instance(bridge, filters.get(i));
        }
        new Chain(chain, (Servlet) instance(bridge, AnsweringServlet.class))
                .doFilter(exchange.request(), exchange.response());
    }

    /** A fresh bridge with copies of the test filters and servlet, woven as the agent weaves them. */
    private static IsolatedBridge wovenBridge() {
        return new IsolatedBridge(Map.of(
                PassingFilter.class.getName(), wovenFilter(PassingFilter.class),
                AnsweringFilter.class.getName(), wovenFilter(AnsweringFilter.class),
                AnsweringServlet.class.getName(), WovenByAgent.servlet(AnsweringServlet.class)), true);
    }

    private static byte[] wovenFilter(Class<? extends Filter> filter) {
        return WovenByAgent.filter(filter);
    }

    private static Object instance(IsolatedBridge bridge, Class<?> type) throws ReflectiveOperationException {
        Class<?> woven = bridge.load(type.getName());
        assertThat(woven.getClassLoader()).isSameAs(bridge);
        return woven.getDeclaredConstructor().newInstance();
    }

    /** Gates /health; denies or allows every check; records checks, named handlers and failures. */
    private InvocationHandler gatekeeper(boolean deny) {
        return (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "isGated": return "/health".equals(arguments[0]);
                case "watchesBusiness", "timesBusiness": return false;
                case "check":
                    Object request = arguments[0];
                    checks.add(request.getClass().getMethod("path").invoke(request) + " from "
                            + request.getClass().getMethod("remoteAddress").invoke(request));
                    return deny ? IsolatedBridge.denial(method.getReturnType(), DENIAL, "warmgate: not yet\n") : null;
                case "handlerAnswered": named.add(arguments[0] + " " + arguments[1] + " " + arguments[2]); return null;
                case "failed": failures.add(arguments[0] + ": " + arguments[1]); return null;
                default: return null;
            }
        };
    }

    /** A container's filter chain: each filter in turn, then the servlet. */
    private static final class Chain implements FilterChain {
        private final Filter[] filters;
        private final Servlet servlet;
        private int next;

        Chain(Filter[] filters, Servlet servlet) {
            this.filters = filters;
            this.servlet = servlet;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
            if (next < filters.length) {
                filters[next++].doFilter(request, response, this);
            } else {
                servlet.service(request, response);
            }
        }
    }
}
