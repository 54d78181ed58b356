package io.warmgate.agent;

import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;

import java.util.List;

/** The agent's transformer as {@code premain} builds it, for the tests: default path rules, gate already up. */
public final class TestTransformers {

    private TestTransformers() {
    }

    /** A transformer for {@code modules} that logs (found handlers included) to {@code log}. */
    public static HandlerTransformer of(List<FrameworkModule> modules, AgentLog log) {
        WeaverContext context = new WeaverContext(new HealthPathMatcher(true, null, null));
        HandlerLog handlers = new HandlerLog(log);
        return new HandlerTransformer(new ScreenIndex(modules), new LoaderChecks(log),
                new EntryHookWeaver(log, handlers, context, RuntimeStart.alreadyReady()),
                new LazyWeaver(modules, context, handlers, log, RuntimeStart.alreadyReady()), log);
    }
}
