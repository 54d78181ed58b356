package io.warmgate.core.fleet;

/** Asks one sibling instance whether it is healthy and open. Implementations must never hang past the timeout. */
public interface SiblingProber {

    /**
     * @param path          the health path to ask
     * @param timeoutMillis bound on connecting, and again on reading the answer
     */
    SiblingAnswer probe(String host, int port, String path, int timeoutMillis);
}
