package io.warmgate.agent.hook;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The warm-up weaves the agent's own class with both kinds of hooks: if its hooks broke the copy rules (a reference
 * to their own class, a lambda), the warm-up would fail, at debug level only, and the head start would be lost.
 */
class WeavingWarmUpTest {

    @Test
    void theWarmUpRunsTheWholeWeavingPathWithoutComplaint() {
        assertThatCode(WeavingWarmUp::run).doesNotThrowAnyException();
    }
}
