package io.warmgate.agent.spi;

import java.util.List;

/**
 * Finds the health handlers a class declares, for the "health handler found" log line, from its outline alone:
 * the class is not changed and Byte Buddy is not needed. No side effects: the agent reports what it returns.
 */
public interface OutlineDetection {

    /**
     * @param type  the loading class
     * @param types the classes its loader can see, for annotations declared on interfaces or super classes
     * @return the handlers {@code type} declares; empty for none. May throw: the agent then logs at debug level.
     */
    List<FoundHandler> find(ClassOutline type, TypeOutlines types);
}
