package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;
import io.warmgate.core.MonotonicClock;
import io.warmgate.core.RampCurve;
import io.warmgate.core.RampGate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Handlers named after the decision (a filter chain's first filter, Undertow's entry decide before the handler is
 * known): the decision itself names nobody, the handler that answered is logged once per path in the same line
 * format, and every decision is counted once.
 */
class GateRuntimeHandlerLogTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
    private final RampGate gate = new RampGate(new RampCurve(TimeUnit.SECONDS.toNanos(1000), 1.0, 0.0),
            RampGate.StartMode.FIRST_CHECK, MonotonicClock.SYSTEM, new GateEventLog(log));
    private final GateRuntime runtime = new GateRuntime(new HealthPathMatcher(true, List.of(), List.of()), gate, null,
            log);

    private static HealthRequest undecidedHandler(String remote) {
        return new HealthRequest("/health", remote, "10.0.4.2", 8080, null, null, null, null, null, null, null);
    }

    private List<String> handlerLines() {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains("health handler found")).toList();
    }

    @Test
    void aDecisionWithoutItsHandlerNamesNobody() {
        runtime.check(undecidedHandler("10.0.0.7"));
        runtime.check(undecidedHandler("10.0.0.8"));

        assertThat(handlerLines()).isEmpty();
        assertThat(gate.decisions()).isEqualTo(2);
    }

    @Test
    void theHandlerThatAnsweredIsLoggedOncePerPath() {
        runtime.check(undecidedHandler("10.0.0.7"));
        for (int i = 0; i < 3; i++) {
            runtime.handlerAnswered("filter", "com.acme.HealthFilter", "/health");
        }
        runtime.handlerAnswered("filter", "com.acme.HealthFilter", "/sick/health;jsessionid=secret");
        runtime.handlerAnswered("undertow", "com.acme.Main$$Lambda/0x000001f0010a2b38", "/ready");

        assertThat(handlerLines()).containsExactly(
                "[warmgate] health handler found: filter com.acme.HealthFilter path /health",
                "[warmgate] health handler found: filter com.acme.HealthFilter path /sick/health",
                "[warmgate] health handler found: undertow com.acme.Main (lambda) path /ready");
        assertThat(gate.decisions()).as("naming a handler is no decision").isEqualTo(1);
    }
}
