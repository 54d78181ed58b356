package io.warmgate.agent.robustness;

import io.warmgate.agent.hook.EntryHookRewriter;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.testing.AsmWoven;

/**
 * Test classes woven as the agent weaves the servlet and filter entry hooks ({@link EntryHookRewriter}), with the
 * hooks class files of the agent's build. The one place the robustness tests weave.
 */
final class WovenByAgent {

    static final EntryHook SERVLET = new EntryHook("servlet (javax)", "javax.servlet.Servlet", "service",
            "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V",
            "io.warmgate.agent.servlet.JavaxServletHooks");
    static final EntryHook FILTER = new EntryHook("servlet filter (javax)", "javax.servlet.Filter", "doFilter",
            "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;Ljavax/servlet/FilterChain;)V",
            "io.warmgate.agent.servlet.JavaxFilterHooks");

    private WovenByAgent() {
    }

    /** {@code type}'s class file with the javax servlet hooks in its {@code service}. */
    static byte[] servlet(Class<?> type) {
        return AsmWoven.entryHooked(type, SERVLET);
    }

    /** {@code type}'s class file with the javax filter hooks in its {@code doFilter}. */
    static byte[] filter(Class<?> type) {
        return AsmWoven.entryHooked(type, FILTER);
    }
}
