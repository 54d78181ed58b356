package io.warmgate.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What {@link ConfigLoader#load} found: the configuration when every value was valid, and messages to log. */
public final class ConfigResult {

    private final WarmgateConfig config;
    private final List<String> errors;
    private final List<String> warnings;

    ConfigResult(WarmgateConfig config, List<String> errors, List<String> warnings) {
        this.errors = Collections.unmodifiableList(new ArrayList<String>(errors));
        this.warnings = Collections.unmodifiableList(new ArrayList<String>(warnings));
        this.config = this.errors.isEmpty() ? config : null;
    }

    /** The configuration, or null when any value was invalid: the agent then turns itself off. */
    public WarmgateConfig config() {
        return config;
    }

    /** One complete message per bad value, naming the key, the value, where it came from and the accepted form. */
    public List<String> errors() {
        return errors;
    }

    /** Messages that do not stop the agent, such as unknown keys (with the closest known key). */
    public List<String> warnings() {
        return warnings;
    }

    /** True when there were no errors, so {@link #config()} is not null. */
    public boolean valid() {
        return config != null;
    }

    @Override
    public String toString() {
        return "ConfigResult[valid=" + valid() + ", errors=" + errors + ", warnings=" + warnings + "]";
    }
}
