package io.warmgate.agent.spi;

import net.bytebuddy.description.type.TypeDescription;

import java.util.List;

/**
 * Finds the health handlers a class declares, for the "health handler found" log line, without changing the
 * class. No side effects: the engine reports what it returns, once per handler.
 */
public interface Detection {

    /** The handlers {@code type} declares; empty for none. May throw: the engine then logs at debug level. */
    List<FoundHandler> find(TypeDescription type);
}
