package io.warmgate.agent.spi;

import io.warmgate.core.HealthPathMatcher;

/** What a {@link FrameworkWeaver} may know of the agent's configuration. */
public final class WeaverContext {

    private final HealthPathMatcher paths;

    public WeaverContext(HealthPathMatcher paths) {
        this.paths = paths;
    }

    /** The configured path rules: a handler is a health handler when they gate its path. */
    public HealthPathMatcher paths() {
        return paths;
    }
}
