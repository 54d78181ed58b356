package io.warmgate.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One decision per exchange at a server's entry, however often the server enters it again; servlets and filters
 * running inside a decided exchange see it decided, and the root handler is named at most once, and only when no
 * servlet or filter named itself.
 */
class ExchangeDecisionsTest {

    @Test
    void anExchangeIsDecidedTheFirstTimeOnly() {
        Object exchange = new Object();

        assertThat(ExchangeDecisions.firstSight(exchange, "com.acme.Root")).isTrue();
        assertThat(ExchangeDecisions.firstSight(exchange, "com.acme.Root")).isFalse();
        assertThat(ExchangeDecisions.firstSight(new Object(), "com.acme.Root")).as("another exchange").isTrue();
    }

    @Test
    void servletsSeeTheDecisionOnlyWhileTheExchangeRunsOnTheirThread() throws Exception {
        Object exchange = new Object();
        ExchangeDecisions.firstSight(exchange, "com.acme.Root");
        assertThat(ExchangeDecisions.decidedUpstream()).as("before entering").isFalse();

        Object outer = ExchangeDecisions.enter(exchange);
        AtomicBoolean seenElsewhere = new AtomicBoolean(true);
        Thread other = new Thread(() -> seenElsewhere.set(ExchangeDecisions.decidedUpstream()));
        other.start();
        other.join();
        assertThat(seenElsewhere).as("on another thread").isFalse();
        assertThat(ExchangeDecisions.decidedUpstream()).as("inside").isTrue();
        ExchangeDecisions.leave(outer);

        assertThat(ExchangeDecisions.decidedUpstream()).as("after leaving").isFalse();
        assertThat(ExchangeDecisions.takeUnnamedHandler(exchange)).as("a servlet named itself").isNull();
    }

    @Test
    void nestedEntriesRestoreTheOuterOne() {
        Object outerExchange = new Object();
        Object innerExchange = new Object();
        ExchangeDecisions.firstSight(outerExchange, "com.acme.Outer");
        ExchangeDecisions.firstSight(innerExchange, "com.acme.Inner");

        Object none = ExchangeDecisions.enter(outerExchange);
        Object outer = ExchangeDecisions.enter(innerExchange);
        assertThat(ExchangeDecisions.decidedUpstream()).isTrue(); // claims the inner exchange
        ExchangeDecisions.leave(outer);
        ExchangeDecisions.leave(none);

        assertThat(ExchangeDecisions.takeUnnamedHandler(innerExchange)).isNull();
        assertThat(ExchangeDecisions.takeUnnamedHandler(outerExchange)).isEqualTo("com.acme.Outer");
        assertThat(ExchangeDecisions.decidedUpstream()).as("nothing left on this thread").isFalse();
    }

    @Test
    void theRootHandlerIsNamedOnce() {
        Object exchange = new Object();
        ExchangeDecisions.firstSight(exchange, "com.acme.Root");

        assertThat(ExchangeDecisions.takeUnnamedHandler(exchange)).isEqualTo("com.acme.Root");
        assertThat(ExchangeDecisions.takeUnnamedHandler(exchange)).isNull();
        assertThat(ExchangeDecisions.takeUnnamedHandler(new Object())).as("never decided here").isNull();
    }

    @Test
    void lambdaClassNamesAreShownAsTheClassThatWroteThem() {
        assertThat(HealthRequest.withoutLambdaSuffix("com.acme.Main$$Lambda$14/0x0000000800c0b440"))
                .isEqualTo("com.acme.Main (lambda)");
        assertThat(HealthRequest.withoutLambdaSuffix("com.acme.Main$$Lambda/0x000001f0010a2b38"))
                .isEqualTo("com.acme.Main (lambda)");
        assertThat(HealthRequest.withoutLambdaSuffix("io.undertow.server.RoutingHandler"))
                .isEqualTo("io.undertow.server.RoutingHandler");
    }
}
