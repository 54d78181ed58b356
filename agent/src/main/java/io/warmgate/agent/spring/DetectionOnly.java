package io.warmgate.agent.spring;

import net.bytebuddy.asm.Advice;

/**
 * The advice of the Spring detection instrumentations. Their type matchers log what they find and never match,
 * so this is never woven into anything; it exists because every {@code HandlerInstrumentation} names an advice.
 */
public final class DetectionOnly {

    private DetectionOnly() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void nothing() {
        // Intentionally empty: gating happens in the servlet advice, by request path.
    }
}
